export * from './audit-log.entity';
export * from './audit-log.repository';
