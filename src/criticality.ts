/**
 * How much a lapse would hurt. Core services get denser reminder tiers and escalate sooner; experimental
 * ones get sparser tiers. The values are the ones the config document uses.
 */
export enum Criticality {
  /** The business stops without it. */
  CORE = 'core',
  /** The default. */
  STANDARD = 'standard',
  /** A trial or a side project. */
  EXPERIMENTAL = 'experimental',
}
