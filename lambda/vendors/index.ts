export * from './manual';
export * from './vendor-adapters';
