/**
 * The idempotency key of an expiry reminder: built, with every other alert key and the parser of
 * their syntax, in ../policy/policy-keys.ts.
 */
export { expiryAlertKey } from '../policy/policy-keys';
