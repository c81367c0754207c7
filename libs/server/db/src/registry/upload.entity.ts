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
 * replica can continue it; expired sessions are swept with their bytes. Storage is the truth for how many bytes a
 * session holds; `size` mirrors it after each acknowledged append, for operators and the sweeper.
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

  /** The token subject that started the session; only it may finish the session once its token has expired. */
  @Column({ name: 'owner', type: 'varchar', length: 255, nullable: true })
  owner!: string | null;

  /** Which request holds the session right now (an append or the closing PUT), so replicas never write it at once. */
  @Column({ name: 'lease_token', type: 'uuid', nullable: true })
  leaseToken!: string | null;

  /** When that hold lapses unless renewed: a replica killed mid-request frees the session by itself. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Index('idx_upload_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
