export * from './alert-key';
export * from './channel-routing';
export * from './expiry-message';
export * from './expiry-reminders';
export * from './severity';
export * from './tier-placement';
