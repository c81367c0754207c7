export * from './job.types';
export * from './execution.entity';
export * from './task.entity';
export * from './job.repository';
