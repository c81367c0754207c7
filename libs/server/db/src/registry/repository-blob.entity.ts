import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { BlobEntity } from './blob.entity';
import { RepositoryEntity } from './repository.entity';

/** Links a blob into a repository: a repository can read only the blobs linked to it. */
@Entity({ name: 'repository_blob' })
export class RepositoryBlobEntity {
  @PrimaryColumn({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  @Index('idx_repository_blob_blob')
  @PrimaryColumn({ name: 'blob_id', type: 'bigint', transformer: bigintAsNumber })
  blobId!: number;

  @ManyToOne(() => RepositoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'repository_id' })
  repository!: RepositoryEntity;

  @ManyToOne(() => BlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'blob_id' })
  blob!: BlobEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
