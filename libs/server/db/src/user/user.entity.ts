import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Where an account's credentials live. */
export type UserSource = 'local' | 'ldap';

/** A person who signs in: a local account or an LDAP account onboarded at first login. */
@Entity({ name: 'user' })
export class UserEntity {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @Column({ name: 'username', type: 'varchar', length: 255, unique: true })
  username!: string;

  @Column({ name: 'email', type: 'varchar', length: 255, nullable: true })
  email!: string | null;

  @Column({ name: 'realname', type: 'varchar', length: 255, default: '' })
  realname!: string;

  /** An argon2id or bcrypt hash; null for accounts whose password lives in LDAP. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'sysadmin', type: 'boolean', default: false })
  sysadmin!: boolean;

  @Column({ name: 'source', type: 'varchar', length: 16, default: 'local' })
  source!: UserSource;

  /** The entry's distinguished name, for accounts onboarded from LDAP. */
  @Column({ name: 'ldap_dn', type: 'varchar', length: 1024, nullable: true })
  ldapDn!: string | null;

  @Column({ name: 'comment', type: 'varchar', length: 255, default: '' })
  comment!: string;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
