import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { RepositoryEntity } from './repository.entity';

/**
 * A blob upload session. It lives in Postgres (and its bytes in storage), never in a process, so any registry
 * replica can continue it; expired sessions are swept with their bytes.
 */
@Entity({ name: 'upload' })
export class UploadEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @ManyToOne(() => RepositoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'repository_id' })
  repository!: RepositoryEntity;

  @Index('idx_upload_repository')
  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  /** Bytes received so far. */
  @Column({ name: 'size', type: 'bigint', default: 0, transformer: bigintAsNumber })
  size!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Index('idx_upload_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
