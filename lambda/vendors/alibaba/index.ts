export * from './account-balance';
export * from './alibaba-call';
export * from './alibaba-judge';
export * from './alibaba-options';
export * from './alibaba-site';
export * from './available-instances';
export * from './bss-answer';
export * from './resource-packages';
