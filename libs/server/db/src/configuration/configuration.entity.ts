import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One system setting (auth mode, LDAP settings, …) as a JSON value under a key. */
@Entity({ name: 'configuration' })
export class ConfigurationEntity {
  @PrimaryColumn({ name: 'key', type: 'varchar', length: 128 })
  key!: string;

  @Column({ name: 'value', type: 'jsonb' })
  value!: unknown;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
