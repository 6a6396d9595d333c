export * from './dynamo-registry';
export * from './registry/registry-error';
export * from './registry/table-definition';
export * from './event-bus-publisher';
export * from './secrets-manager-resolver';
export * from './sns-alert-publisher';
export * from './ssm-parameter-resolver';
export * from './credential-store';
