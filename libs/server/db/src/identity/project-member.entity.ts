import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ProjectEntity } from '../project/project.entity';
import { UserEntity } from '../user/user.entity';
import { UserGroupEntity } from './user-group.entity';

/**
 * A user or a user group holding one role in a project. Exactly one of user_id and group_id is set; both are real
 * foreign keys so deleting a user, a group or a project removes its memberships.
 */
@Entity({ name: 'project_member' })
@Check('chk_project_member_one_entity', '(user_id IS NULL) <> (group_id IS NULL)')
@Check('chk_project_member_role', 'role BETWEEN 1 AND 5')
@Unique('uq_project_member_user', ['projectId', 'userId'])
@Unique('uq_project_member_group', ['projectId', 'groupId'])
export class ProjectMemberEntity {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project!: ProjectEntity;

  @Column({ name: 'project_id', type: 'integer' })
  projectId!: number;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user!: UserEntity | null;

  @Index('idx_project_member_user')
  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @ManyToOne(() => UserGroupEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group!: UserGroupEntity | null;

  @Index('idx_project_member_group')
  @Column({ name: 'group_id', type: 'integer', nullable: true })
  groupId!: number | null;

  /** A ProjectRole id from @berth/rbac (1 projectAdmin … 5 limitedGuest). */
  @Column({ name: 'role', type: 'smallint' })
  role!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
