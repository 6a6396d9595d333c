export * from './beijing-dates';
export * from './minor-units';
export * from './paged-list';
export * from './vendor-instant';
