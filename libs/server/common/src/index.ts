export * from './logger';
export * from './health';
export * from './version';
export * from './shutdown';
