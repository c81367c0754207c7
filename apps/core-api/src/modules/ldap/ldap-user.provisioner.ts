import { type UserEntity, UserRepository } from '@berth/db';
import { Injectable, Logger } from '@nestjs/common';
import { type LdapFailedImportUserDto } from './dto/ldap.dto';
import { LdapException } from './ldap.exception';
import { type LdapPerson, LdapService } from './ldap.service';

/** Longest email and real name the user table holds. */
const MAX_PROFILE_FIELD = 255;

/** Creates and refreshes the accounts of LDAP users: at first sign-in, and by an administrator's import. */
@Injectable()
export class LdapUserProvisioner {
  private readonly logger = new Logger(LdapUserProvisioner.name);

  constructor(
    private readonly ldap: LdapService,
    private readonly users: UserRepository,
  ) {}

  /**
   * Creates the account of a person who just signed in through LDAP, or refreshes its email, real name and DN; throws
   * LdapException USER_CONFLICT when a local account has the name.
   */
  async onboard(person: LdapPerson): Promise<UserEntity> {
    const result = await this.users.upsertLdapUser(toProfile(person));
    if (!result) {
      throw new LdapException(
        'USER_CONFLICT',
        `a local account named ${person.username} exists; it cannot sign in via LDAP`,
      );
    }
    if (result.created) this.logger.log(`onboarded LDAP user ${person.username}`);
    return result.user;
  }

  /**
   * Creates accounts for LDAP users by login name before they first sign in (Harbor's import); returns the names that
   * were not imported and why: not in LDAP, or an account with that name exists already.
   */
  async importUsers(uids: readonly string[]): Promise<LdapFailedImportUserDto[]> {
    const unique = [...new Set(uids)];
    const found = await this.ldap.findUsers(unique);
    const failures: LdapFailedImportUserDto[] = [];
    for (const uid of unique) {
      const person = found.get(uid.toLowerCase());
      if (!person) {
        failures.push({ uid, error: 'not found in LDAP' });
        continue;
      }
      if (await this.users.findByUsername(person.username)) {
        failures.push({ uid, error: 'a user with this name already exists' });
        continue;
      }
      const result = await this.users.upsertLdapUser(toProfile(person));
      if (!result) failures.push({ uid, error: 'a user with this name already exists' });
    }
    return failures;
  }
}

function toProfile(person: LdapPerson) {
  return {
    username: person.username,
    email: person.email === '' ? null : person.email.slice(0, MAX_PROFILE_FIELD),
    realname: person.realname.slice(0, MAX_PROFILE_FIELD),
    ldapDn: person.dn,
  };
}
