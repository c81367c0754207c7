import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where a user group comes from; only LDAP groups exist so far. */
export type UserGroupType = 'ldap';

/** A group of users that can be a project member: an LDAP group, matched to users by its DN at login. */
@Entity({ name: 'user_group' })
export class UserGroupEntity {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @Column({ name: 'group_name', type: 'varchar', length: 255 })
  groupName!: string;

  @Column({ name: 'group_type', type: 'varchar', length: 16, default: 'ldap' })
  groupType!: UserGroupType;

  /** The group's distinguished name, stored normalized to lower case so lookups match whatever case LDAP answers in. */
  @Column({ name: 'ldap_group_dn', type: 'varchar', length: 1024, unique: true })
  ldapGroupDn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
