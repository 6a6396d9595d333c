export * from './demo';
export * from './sandbox-fixtures';
export * from './sandbox-registration';
export * from './sandbox-vendor';
export * from './vendor-sandbox';
