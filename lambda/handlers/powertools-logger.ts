import { Logger } from '@aws-lambda-powertools/logger';
import type { CycleLogger } from '../core/delivery-port';

/** Structured JSON logs through Powertools; the cycle logs ids, counts and reasons, never a secret. */
export function powertoolsLogger(): CycleLogger & { readonly logger: Logger } {
  const logger = new Logger({ serviceName: 'renewal-guard' });
  return {
    logger,
    info: (message, extra) => logger.info(message, extra ?? {}),
    warn: (message, extra) => logger.warn(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  };
}
