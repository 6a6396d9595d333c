export * from './acs-rpc-signature';
export * from './digest';
export * from './percent-encode';
export * from './sdk-hmac-signature';
export * from './tc3-signature';
