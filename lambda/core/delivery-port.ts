/**
 * What delivery needs from the world: publishers that hand an alert to one target (SNS, EventBridge, a
 * chat, webhook or PagerDuty channel) and a logger. The pipeline (lambda/delivery) drives them; the
 * adapters (lambda/aws, lambda/delivery/channel-publisher.ts) implement them.
 */
import type { Alert } from './model';
import type { DeliveryTarget } from './registry-port';

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
