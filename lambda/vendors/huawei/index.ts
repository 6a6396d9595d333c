export * from './account-balance';
export * from './free-resources';
export * from './huawei-call';
export * from './huawei-options';
export * from './huawei-site';
export * from './measure-units';
export * from './rtc-usage';
