/**
 * Bundled into assets/lambda/synth/config-loader/index.js and required by the construct at synth time,
 * so `RenewalGuard` validates a config with exactly the CLI's rules without src/ importing lambda/.
 */
export { loadGuardConfig } from '../app/load-config';
