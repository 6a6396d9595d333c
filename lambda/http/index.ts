export * from './http-policy';
export * from './judge-status';
export * from './outbound-http';
export * from './rate-limiter';
export * from './read-body';
export * from './redact';
export * from './retry-after';
