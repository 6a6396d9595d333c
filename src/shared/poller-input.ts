/**
 * The poller's invocation inputs, shared by the construct (which schedules them) and the handler (which
 * reads them). Dependency-free, like the other src/shared files: the Lambda bundles import it.
 */

/**
 * The hourly closer-watch schedule's constant input: the poller reads the account states and polls only
 * the accounts whose runway is under two days, until they recover.
 */
export const WATCH_INPUT = { mode: 'watch' } as const;
