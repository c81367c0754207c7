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
import { bigintAsNumber } from '../common/columns';
import { ProjectEntity } from '../project/project.entity';

/** A repository: a named set of manifests, tags and linked blobs, `<project>/<path…>`. */
@Entity({ name: 'repository' })
export class RepositoryEntity {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project!: ProjectEntity;

  @Index('idx_repository_project')
  @Column({ name: 'project_id', type: 'integer' })
  projectId!: number;

  /**
   * The full name including the project, e.g. `library/alpine`; looked up on every registry request. Byte-order ("C")
   * collation, so the catalog lists in the same order on every database locale and pages along the unique index.
   */
  @Column({ name: 'name', type: 'varchar', length: 255, unique: true, collation: 'C' })
  name!: string;

  @Column({ name: 'description', type: 'text', default: '' })
  description!: string;

  @Column({ name: 'pull_count', type: 'bigint', default: 0, transformer: bigintAsNumber })
  pullCount!: number;

  /**
   * Bumped by a trigger on `tag` whenever the repository's tags change, in the same transaction, so a replica can keep
   * the tag list cached and check it with one primary-key lookup (see migration AddTagsVersion).
   */
  @Column({ name: 'tags_version', type: 'bigint', default: 0, transformer: bigintAsNumber })
  tagsVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
