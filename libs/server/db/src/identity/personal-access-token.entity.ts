import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../user/user.entity';

/**
 * A user's named, scoped, expiring credential, usable as the password for `docker login` and Basic auth. The token
 * is `<prefix><secret>`; the prefix finds the row, the secret is checked against its hash.
 */
@Entity({ name: 'personal_access_token' })
@Unique('uq_personal_access_token_user_name', ['userId', 'name'])
export class PersonalAccessTokenEntity {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user!: UserEntity;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'name', type: 'varchar', length: 128 })
  name!: string;

  /** The public lookup part of the token, unique across all tokens. */
  @Column({ name: 'token_prefix', type: 'varchar', length: 64, unique: true })
  tokenPrefix!: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 255 })
  secretHash!: string;

  /** `resource:action` keys the token is limited to; the user's own permissions still apply on top. */
  @Column({ name: 'scopes', type: 'jsonb', default: () => "'[]'" })
  scopes!: string[];

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
