import type { ConfigProblem } from '../model';

/**
 * Collects problems and warnings during one validation pass. Validators report into it and carry on, so
 * a document with ten mistakes gets ten lines, not one line and nine more rounds.
 */
export class ProblemLog {
  public readonly problems: ConfigProblem[] = [];
  public readonly warnings: ConfigProblem[] = [];

  public error(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  public warn(path: string, message: string): void {
    this.warnings.push({ path, message });
  }

  public get count(): number {
    return this.problems.length;
  }
}

/** `services[0]` + `expiresOn` → `services[0].expiresOn`; the document root is the empty path. */
export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** `reminderDays` + 2 → `reminderDays[2]`. */
export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}
