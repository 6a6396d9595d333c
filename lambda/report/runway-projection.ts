/**
 * Where an account's balance is heading, as the runway chart and the account card draw it. Every number
 * is the account's figure (core/accounts/account-figures.ts) — the balance, spend and runway that `check`,
 * `preview`, the digest and the metrics show — so the report never works one out its own way.
 */
import type { Tone } from './report-data';
import type { AccountFigures } from '../core/accounts/account-figures';
import type { IsoDate } from '../core/model';

export interface RunwayProjection {
  readonly balance: number;
  /** The day of the latest balance. */
  readonly asOf: IsoDate;
  readonly dailySpend?: number;
  /** Undefined while nothing is being spent (the balance lasts indefinitely). */
  readonly runwayDays?: number;
  readonly runOutOn?: IsoDate;
  readonly tone: Tone;
}

/** The projection of an account's figures; undefined when no balance was ever read. */
export function projectRunway(figures: AccountFigures | undefined): RunwayProjection | undefined {
  if (!figures?.balance || figures.asOf === undefined) return undefined;
  return {
    balance: figures.balance.amount,
    asOf: figures.asOf,
    ...(figures.dailySpend !== undefined && { dailySpend: figures.dailySpend }),
    ...(figures.runwayDays !== undefined && { runwayDays: figures.runwayDays }),
    ...(figures.runOutOn !== undefined && { runOutOn: figures.runOutOn }),
    tone: figuresTone(figures),
  };
}

/**
 * The account's colour, from its status: a low balance in the severity its alerts carry, a blind spot as a
 * warning, a healthy balance ok. The report colours an account as the alerts judge it, never by a rule
 * of its own.
 */
export function figuresTone(figures: AccountFigures): Tone {
  switch (figures.status) {
    case 'low':
      return figures.severity ?? 'warning';
    case 'failing':
      return 'warning';
    case 'ok':
      return 'ok';
    default:
      return 'none';
  }
}
