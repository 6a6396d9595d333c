export * from './dingtalk-sign';
export * from './feishu-sign';
export * from './webhook-signature';
