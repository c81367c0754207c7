import { Column, Generated, PrimaryColumn, CreateDateColumn, Entity } from 'typeorm';
import { bigintAsNumber } from '../common/columns';

/** A stored blob, once per digest for the whole registry; repositories see it through RepositoryBlobEntity links. */
@Entity({ name: 'blob' })
export class BlobEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  id!: number;

  @Column({ name: 'digest', type: 'varchar', length: 255, unique: true })
  digest!: string;

  @Column({ name: 'size', type: 'bigint', transformer: bigintAsNumber })
  size!: number;

  /** The media type a manifest last described the blob with, when known. */
  @Column({ name: 'media_type', type: 'varchar', length: 255, nullable: true })
  mediaType!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
