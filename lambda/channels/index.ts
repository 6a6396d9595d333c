export * from './formatters';
export * from './messages';
export * from './signing';
export * from './text/truncate';
export * from './text/sms-encoding';
