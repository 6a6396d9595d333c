export * from './account-balance';
export * from './tencent-call';
export * from './tencent-judge';
export * from './tencent-options';
export * from './tencent-site';
export * from './trtc-prices';
export * from './trtc-usage';
