export * from './queues';
export * from './connection';
export * from './wake-up';
export * from './registry-events';
