import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who performed an audited action. */
export type AuditActorType = 'user' | 'robot' | 'anonymous' | 'system';

/** Whether an audited action succeeded. */
export type AuditResult = 'success' | 'failure';

/** One change of state or access: who, what, when, from where and the result. */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_op_time', ['opTime'])
@Index('idx_audit_log_project_op_time', ['projectId', 'opTime'])
@Index('idx_audit_log_username', ['username'])
export class AuditLogEntity {
  /** A bigint, which pg returns as a string; the API turns it into a number. */
  @PrimaryGeneratedColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'op_time', type: 'timestamptz', default: () => 'now()' })
  opTime!: Date;

  /** The account name as it was at the time (kept after the account is deleted). */
  @Column({ name: 'username', type: 'varchar', length: 255 })
  username!: string;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType!: AuditActorType;

  @Column({ name: 'source_ip', type: 'varchar', length: 64, nullable: true })
  sourceIp!: string | null;

  /** Harbor's operation words: create, update, delete, pull, push, login, logout, …. */
  @Column({ name: 'operation', type: 'varchar', length: 32 })
  operation!: string;

  /** What was acted on: project, member, user, robot, token, configuration, artifact, repository, …. */
  @Column({ name: 'resource_type', type: 'varchar', length: 64 })
  resourceType!: string;

  /** The resource's name, e.g. `library/app:1.0` or `library/app@sha256:…`. */
  @Column({ name: 'resource', type: 'varchar', length: 1024 })
  resource!: string;

  /** The project the resource belongs to; no foreign key, so entries outlive deleted projects. */
  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId!: number | null;

  @Column({ name: 'result', type: 'varchar', length: 16, default: 'success' })
  result!: AuditResult;

  @Column({ name: 'detail', type: 'jsonb', nullable: true })
  detail!: Record<string, unknown> | null;
}
