// resolve-calendar and country are left out on purpose: they load date-holidays, which the Lambda
// bundles must not carry. The config loader imports lambda/core/calendar/resolve-calendar directly.
export * from './calendar-error';
export * from './cn-official';
export * from './working-calendar';
