export * from './messages';
export * from './alert-view';
