import { RenewalGuardError } from '../errors';

/**
 * A calendar that cannot be built or used: an unknown `calendar:` spec, corrupt calendar data, or a
 * calendar with no working day to fall back to. A configuration fault, so never retryable.
 */
export class CalendarError extends RenewalGuardError {
  public constructor(message: string) {
    super(message, { retryable: false });
    this.name = 'CalendarError';
  }
}
