export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly extra?: Record<string, unknown>;
}

/** A handler logger that keeps what it is told, as lines the tests can compare whole. */
export function recordingLogger() {
  const logs: LogLine[] = [];
  const log = (level: string) => (message: string, extra?: Record<string, unknown>) =>
    logs.push({ level, message, ...(extra ? { extra } : {}) });
  return { logs, logger: { info: log('info'), warn: log('warn'), error: log('error') } };
}
