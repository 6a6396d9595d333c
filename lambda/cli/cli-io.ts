/** What a command may touch of the outside world: injected so tests run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => Date;
}

/** A failure the user can act on: one line on stderr, and the exit code (2: invalid input). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
    /** Extra lines after the one-line reason (e.g. every config problem). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}
