export * from './calendar-text';
export * from './content-lines';
export * from './expiry-alarms';
export * from './render-calendar';
