import { Check, Column, CreateDateColumn, Entity, Generated, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { JOB_STATUS_SQL_LIST, JobStatus } from './job.types';

/**
 * One run of a job (an upload sweep, a retention policy run, a replication, …), shaped like Harbor's `execution`: the
 * console lists these. Its status is rolled up from its tasks; the worker is the only writer.
 */
@Entity({ name: 'execution' })
@Index('idx_execution_vendor', ['vendorType', 'vendorId', 'startedAt'])
@Check('chk_execution_status', `"status" IN (${JOB_STATUS_SQL_LIST})`)
export class ExecutionEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint', transformer: bigintAsNumber, primaryKeyConstraintName: 'pk_execution' })
  @Generated('increment')
  id!: number;

  /** The kind of job, a VendorType such as `UPLOAD_SWEEP`. */
  @Column({ name: 'vendor_type', type: 'varchar', length: 64 })
  vendorType!: string;

  /** The object the run is for (a retention or replication policy id), or null for platform-wide jobs. */
  @Column({ name: 'vendor_id', type: 'integer', nullable: true })
  vendorId!: number | null;

  /** What started the run: a JobTrigger (`MANUAL`, `SCHEDULE`, `EVENT`). */
  @Column({ name: 'trigger', type: 'varchar', length: 16 })
  trigger!: string;

  @Column({ name: 'status', type: 'varchar', length: 16, default: JobStatus.Pending })
  status!: JobStatus;

  /** Why the run ended in Error or Stopped, for people to read. */
  @Column({ name: 'status_message', type: 'text', nullable: true })
  statusMessage!: string | null;

  /** The run's parameters and results (counts), as the job kind defines them. */
  @Column({ name: 'extra_attrs', type: 'jsonb', default: () => "'{}'" })
  extraAttrs!: Record<string, unknown>;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  /** When the last task reached a final status. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
