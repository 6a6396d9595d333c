import type { Alert } from '../core/model';
import type { DeliveryTarget } from '../core/registry-port';

/** Hands an alert to one delivery target. Throws DeliveryError when it could not. */
export interface AlertPublisher {
  readonly target: DeliveryTarget;
  publish(alert: Alert): Promise<void>;
}

/** Structured logging; a Powertools Logger in Lambda, stderr JSON lines in the CLI. Never given a secret. */
export interface CycleLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export const SILENT_LOGGER: CycleLogger = { info() {}, warn() {}, error() {} };
