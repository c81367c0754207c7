import { type DataSource } from 'typeorm';
import { UserEntity } from './user.entity';

/** The fields needed to create a user. */
export type NewUser = Pick<UserEntity, 'username' | 'email' | 'realname' | 'passwordHash' | 'sysadmin' | 'source'>;

/** What LDAP says about a person, as stored on their account. */
export interface LdapUserProfile {
  username: string;
  email: string | null;
  realname: string;
  ldapDn: string;
}

/** Queries over the user aggregate. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the user unless one with that username exists; returns whether this call created it. */
  async insertIfAbsent(user: NewUser): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(user)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  /**
   * Creates or refreshes the account of an LDAP user in one statement: a new row with source 'ldap' and no password,
   * or the email, real name and DN of an existing LDAP account updated. Returns null when the name belongs to a local
   * account, which an LDAP user must never take over.
   */
  async upsertLdapUser(profile: LdapUserProfile): Promise<{ user: UserEntity; created: boolean } | null> {
    const rows: { id: number; created: boolean }[] = await this.dataSource.query(
      `INSERT INTO "user" ("username", "email", "realname", "password_hash", "sysadmin", "source", "ldap_dn")
       VALUES ($1, $2, $3, NULL, false, 'ldap', $4)
       ON CONFLICT ("username") DO UPDATE
         SET "email" = EXCLUDED."email", "realname" = EXCLUDED."realname", "ldap_dn" = EXCLUDED."ldap_dn",
             "updated_at" = now()
         WHERE "user"."source" = 'ldap'
       RETURNING "id", (xmax = 0) AS "created"`,
      [profile.username, profile.email, profile.realname, profile.ldapDn],
    );
    const row = rows[0];
    if (!row) return null;
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: row.id });
    return { user, created: row.created };
  }

  /** Finds a user by username. */
  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  /** Counts system administrators. */
  countSysadmins(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).countBy({ sysadmin: true });
  }
}
