import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { UserEntity } from '../user/user.entity';

/** Storage limit value that means "no quota". */
export const UNLIMITED_STORAGE = -1;

/** A tenant: repositories live under `<project>/`, access is granted per project. */
@Entity({ name: 'project' })
export class ProjectEntity {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @Column({ name: 'name', type: 'varchar', length: 255, unique: true })
  name!: string;

  /** Public projects can be pulled and listed anonymously. */
  @Column({ name: 'public', type: 'boolean', default: false })
  public!: boolean;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner!: UserEntity | null;

  @Column({ name: 'owner_id', type: 'integer', nullable: true })
  ownerId!: number | null;

  /** Quota in bytes, or UNLIMITED_STORAGE. */
  @Column({ name: 'storage_limit', type: 'bigint', default: UNLIMITED_STORAGE, transformer: bigintAsNumber })
  storageLimit!: number;

  /** Bytes of distinct blobs referenced by the project's repositories. */
  @Column({ name: 'storage_used', type: 'bigint', default: 0, transformer: bigintAsNumber })
  storageUsed!: number;

  /** Harbor's project metadata as string values (`auto_scan`, `severity`, …); the API adds `public` from its column. */
  @Column({ name: 'metadata', type: 'jsonb', default: () => "'{}'" })
  metadata!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
