export * from './report-data';
export * from './report-page';
export * from './runway-projection';
export * from './runway-svg';
export * from './timeline-svg';
export * from './report-link';
export * from './report-sources';
export * from './report-text';
