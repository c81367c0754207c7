import {
  Column,
  Generated,
  PrimaryColumn,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  Unique,
} from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { RepositoryEntity } from './repository.entity';

/**
 * A manifest or index (an artifact) in one repository, with its exact bytes: the body is served from here, so a
 * manifest GET is one indexed lookup and a manifest is visible exactly when its row is committed.
 */
@Entity({ name: 'manifest' })
@Unique('uq_manifest_repository_digest', ['repositoryId', 'digest'])
@Index('idx_manifest_repository_subject', ['repositoryId', 'subjectDigest'])
export class ManifestEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  id!: number;

  @ManyToOne(() => RepositoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'repository_id' })
  repository!: RepositoryEntity;

  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  @Column({ name: 'digest', type: 'varchar', length: 255 })
  digest!: string;

  @Column({ name: 'media_type', type: 'varchar', length: 255 })
  mediaType!: string;

  /** The artifact type the referrers API reports: OCI 1.1 `artifactType`, else the config media type (null for an index). */
  @Column({ name: 'artifact_type', type: 'varchar', length: 255, nullable: true })
  artifactType!: string | null;

  @Column({ name: 'size', type: 'bigint', transformer: bigintAsNumber })
  size!: number;

  @Column({ name: 'content', type: 'bytea', select: false })
  content!: Buffer;

  @Column({ name: 'config_digest', type: 'varchar', length: 255, nullable: true })
  configDigest!: string | null;

  /** The digest of the manifest this one refers to (OCI 1.1 `subject`), for the referrers API. */
  @Column({ name: 'subject_digest', type: 'varchar', length: 255, nullable: true })
  subjectDigest!: string | null;

  @Column({ name: 'annotations', type: 'jsonb', nullable: true })
  annotations!: Record<string, string> | null;

  @CreateDateColumn({ name: 'pushed_at', type: 'timestamptz' })
  pushedAt!: Date;

  @Column({ name: 'last_pulled_at', type: 'timestamptz', nullable: true })
  lastPulledAt!: Date | null;
}
