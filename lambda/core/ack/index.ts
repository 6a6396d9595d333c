export * from './ack-error';
export * from './ack-token';
export * from './ack-url';
export * from './acknowledgement';
export * from './alert-key-subject';
