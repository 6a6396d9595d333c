export * from './beijing-dates';
export * from './minor-units';
export * from './vendor-instant';
