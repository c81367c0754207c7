import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProjectEntity } from '../project/project.entity';

/** Whether a robot acts across the system or inside one project. */
export type RobotLevel = 'system' | 'project';

/** The permissions a robot holds in one namespace, in Harbor's shape. */
export interface RobotPermissionGrant {
  /** `project` for one project's resources, `system` for system resources. */
  kind: 'project' | 'system';
  /** A project name, `*` for every project (system robots only), or `/` for system resources. */
  namespace: string;
  access: { resource: string; action: string }[];
}

/** An automation account: a name, a hashed secret and an explicit list of permissions. */
@Entity({ name: 'robot' })
export class RobotEntity {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  /** The name without the configurable prefix: `<project>+<name>` for project robots, `<name>` for system ones. */
  @Column({ name: 'name', type: 'varchar', length: 255, unique: true })
  name!: string;

  @Column({ name: 'description', type: 'varchar', length: 1024, default: '' })
  description!: string;

  @Column({ name: 'level', type: 'varchar', length: 16 })
  level!: RobotLevel;

  @ManyToOne(() => ProjectEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project!: ProjectEntity | null;

  @Index('idx_robot_project')
  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId!: number | null;

  /** A hash of the current secret (see the robot service for the scheme); the secret itself is shown once. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 255 })
  secretHash!: string;

  /** After a rotation, the old secret's hash, accepted until previous_secret_expires_at. */
  @Column({ name: 'previous_secret_hash', type: 'varchar', length: 255, nullable: true })
  previousSecretHash!: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column({ name: 'permissions', type: 'jsonb', default: () => "'[]'" })
  permissions!: RobotPermissionGrant[];

  /** Lifetime in days as requested; -1 means it never expires. */
  @Column({ name: 'duration_days', type: 'integer' })
  durationDays!: number;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'disabled', type: 'boolean', default: false })
  disabled!: boolean;

  /** Who created it: a username, or a robot's full name. */
  @Column({ name: 'creator', type: 'varchar', length: 255, default: '' })
  creator!: string;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
