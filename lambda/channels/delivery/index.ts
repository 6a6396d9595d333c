export * from './channel-publisher';
export * from './channel-publishers';
export * from './channel-delivery-error';
export * from './channel-secret';
export * from './deliver-to-channels';
export * from './rate-limiter';
export * from './retry-policy';
export * from './platforms';
