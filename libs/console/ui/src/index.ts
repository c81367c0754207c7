export * from './lib/data-table';
export * from './lib/search-input';
export * from './lib/command-block';
export * from './lib/page-header';
