import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { BlobEntity } from './blob.entity';
import { ManifestEntity } from './manifest.entity';

/** A blob (config or layer) that a manifest references; keeps the blob from garbage collection. */
@Entity({ name: 'manifest_blob' })
export class ManifestBlobEntity {
  @PrimaryColumn({ name: 'manifest_id', type: 'bigint', transformer: bigintAsNumber })
  manifestId!: number;

  @Index('idx_manifest_blob_blob')
  @PrimaryColumn({ name: 'blob_id', type: 'bigint', transformer: bigintAsNumber })
  blobId!: number;

  @ManyToOne(() => ManifestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'manifest_id' })
  manifest!: ManifestEntity;

  @ManyToOne(() => BlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'blob_id' })
  blob!: BlobEntity;
}
