import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../common/columns';
import { ManifestEntity } from './manifest.entity';

/** The platform an index entry is for, as in the OCI image index. */
export interface ManifestPlatform {
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

/** An index→manifest reference: the child cannot be deleted while a parent refers to it. */
@Entity({ name: 'manifest_reference' })
export class ManifestReferenceEntity {
  @PrimaryColumn({ name: 'parent_id', type: 'bigint', transformer: bigintAsNumber })
  parentId!: number;

  @Index('idx_manifest_reference_child')
  @PrimaryColumn({ name: 'child_id', type: 'bigint', transformer: bigintAsNumber })
  childId!: number;

  @ManyToOne(() => ManifestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent!: ManifestEntity;

  @ManyToOne(() => ManifestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'child_id' })
  child!: ManifestEntity;

  @Column({ name: 'platform', type: 'jsonb', nullable: true })
  platform!: ManifestPlatform | null;
}
