/**
 * Names each problem of a merged document by where the user wrote it. Validation sees only the merged
 * document, so its paths are merged ones (`services[2]` for the first typed service after a file of
 * two); this maps them, and the merged paths a message refers to, back through the merge's origins.
 */
import type { DocumentSide, PathOrigin } from './merge-documents';
import type { ConfigProblem } from '../core/model';

export interface OriginNames {
  /** How the file is named (as its parse errors name it); absent when there is no file. */
  readonly file?: string;
  /** A path of the overrides document as their author wrote it (the construct: its typed props). */
  readonly overrides: (path: string) => string;
}

/** A merged path in a message: an entry of a list, `services[0]` or `accounts[1].credentials`. */
const REFERENCE = /(?<![\w"'.])(?:services|accounts|channels|reminderDays)\[\d+\](?:\.[A-Za-z]\w*|\[\d+\])*/g;

export function nameProblemOrigins(
  problems: readonly ConfigProblem[],
  originOf: (path: string) => PathOrigin | undefined,
  names: OriginNames,
): ConfigProblem[] {
  return problems.map((problem) => {
    const origin = originOf(problem.path);
    if (!origin) return problem;
    const message = problem.message.replace(REFERENCE, (ref) => reference(originOf(ref), origin.side, names) ?? ref);
    return { path: named(origin, names), message };
  });
}

function named(origin: PathOrigin, names: OriginNames): string {
  if (origin.side === 'overrides') return names.overrides(origin.path);
  return names.file === undefined ? origin.path : `${names.file}: ${origin.path}`;
}

/** A file path referred to from a file problem needs no file name; from a props problem it does. */
function reference(origin: PathOrigin | undefined, from: DocumentSide, names: OriginNames): string | undefined {
  if (!origin) return undefined;
  if (origin.side === 'overrides') return names.overrides(origin.path);
  return from === 'file' || names.file === undefined ? origin.path : `${origin.path} of ${names.file}`;
}
