export * from './agora';
export * from './http';
export * from './http-json';
export * from './manual';
export * from './twilio';
export * from './vendor-adapters';
export * from './vonage';
