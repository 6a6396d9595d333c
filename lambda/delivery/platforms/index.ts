export * from './platform-driver';
export * from './platform-registry';
export { PAGERDUTY_EVENTS_URL } from './pagerduty-platform';
