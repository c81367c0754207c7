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
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { ManifestEntity } from './manifest.entity';
import { RepositoryEntity } from './repository.entity';

/** A tag: a mutable name in a repository pointing at one manifest; deleting the manifest deletes its tags. */
@Entity({ name: 'tag' })
@Unique('uq_tag_repository_name', ['repositoryId', 'name'])
export class TagEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  id!: number;

  @ManyToOne(() => RepositoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'repository_id' })
  repository!: RepositoryEntity;

  @Column({ name: 'repository_id', type: 'integer' })
  repositoryId!: number;

  /** Byte-order ("C") collation: tags list in the same order on every database locale, and keyset paging uses the index. */
  @Column({ name: 'name', type: 'varchar', length: 128, collation: 'C' })
  name!: string;

  @ManyToOne(() => ManifestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'manifest_id' })
  manifest!: ManifestEntity;

  @Index('idx_tag_manifest')
  @Column({ name: 'manifest_id', type: 'bigint', transformer: bigintAsNumber })
  manifestId!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the tag last moved (the push time shown for it). */
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
