import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { ExecutionEntity } from './execution.entity';
import { JOB_STATUS_SQL_LIST, JobStatus } from './job.types';

/**
 * One unit of work of an execution, shaped like Harbor's `task`. A worker claims it with a lease (owner and expiry)
 * that it renews while it works, so a task whose worker died is claimed again once the lease runs out; attempts and
 * the time of the next one are explicit columns, not BullMQ state.
 */
@Entity({ name: 'task' })
@Index('idx_task_execution', ['executionId'])
@Index('idx_task_vendor_status', ['vendorType', 'status'])
@Check('chk_task_status', `"status" IN (${JOB_STATUS_SQL_LIST})`)
export class TaskEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint', transformer: bigintAsNumber, primaryKeyConstraintName: 'pk_task' })
  @Generated('increment')
  id!: number;

  @ManyToOne(() => ExecutionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'execution_id' })
  execution!: ExecutionEntity;

  @Column({ name: 'execution_id', type: 'bigint', transformer: bigintAsNumber })
  executionId!: number;

  /** The execution's kind, repeated so that workers find the tasks they handle without a join. */
  @Column({ name: 'vendor_type', type: 'varchar', length: 64 })
  vendorType!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: JobStatus.Pending })
  status!: JobStatus;

  /** Why the last attempt failed or the task was stopped, for people to read. */
  @Column({ name: 'status_message', type: 'text', nullable: true })
  statusMessage!: string | null;

  /** How many times a worker has claimed the task; also the fencing token of the current lease. */
  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts!: number;

  /** How many claims the task gets before it ends in Error. */
  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts!: number;

  /** The earliest time the task may be claimed (again): now for a new task, later after a failed attempt. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** The worker holding the lease while the task runs. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 255, nullable: true })
  leaseOwner!: string | null;

  /** When the lease runs out unless renewed; after that another worker may claim the task. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** The task's parameters and results (counts), as the job kind defines them. */
  @Column({ name: 'extra_attrs', type: 'jsonb', default: () => "'{}'" })
  extraAttrs!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a worker first claimed the task. */
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** When the task reached a final status. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
