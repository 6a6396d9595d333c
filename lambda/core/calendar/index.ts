// resolve-calendar and country are left out on purpose: they load date-holidays, which the Lambda
// bundles must not carry. The config loader imports lambda/core/calendar/resolve-calendar directly.
// A function's code imports ./working-calendar directly too: the official table (cn-official) is synth-time
// data (handlers read the staged config's calendar), and its top-level freeze would keep it in a bundle.
export * from './calendar-error';
export * from './cn-official';
export * from './working-calendar';
