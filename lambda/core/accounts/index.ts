export * from './account-alerts';
export * from './account-evaluation';
export * from './account-figures';
export * from './account-state';
export * from './balance-policy';
export * from './runway';
