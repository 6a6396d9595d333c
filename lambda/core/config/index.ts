export { ConfigError, formatProblems } from './config-error';
export { loadConfig } from './load-config';
export { parseConfigText } from './parse';
export { looksLikeCredentialValue } from './credential-patterns';
export { DEFAULT_REMINDER_DAYS } from './reminder-days';
export { DEFAULT_CALENDAR, DEFAULT_CHECK_TIME, DEFAULT_TIME_ZONE } from './validate-settings';
export { ROOT_PATH, validateConfig, type ConfigResult, type ConfigValidationOptions } from './validate-config';
