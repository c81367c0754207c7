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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
