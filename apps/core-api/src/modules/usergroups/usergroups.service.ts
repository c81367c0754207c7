import { USER_GROUP_LIST_ALIAS, UserGroupDnTakenError, type UserGroupEntity, UserGroupRepository } from '@berth/db';
import { Injectable } from '@nestjs/common';
import { type Actor } from '../../common/auth/principal';
import { applyListQuery, escapeLike, type ListQueryOf, type Page } from '../../common/query';
import { AuditService } from '../audit/audit.service';
import { ConfigurationsService } from '../configurations/configurations.service';
import { HARBOR_LDAP_GROUP_TYPE } from '../ldap/dto/ldap.dto';
import { normalizeDn } from '../ldap/ldap-syntax';
import { LdapService } from '../ldap/ldap.service';
import {
  type CreateUserGroupDto,
  type USER_GROUP_LIST,
  type USER_GROUP_SEARCH,
  type UserGroupDto,
  type UserGroupListParamsDto,
  type UserGroupSearchItemDto,
} from './dto/user-group.dto';
import { UserGroupsException } from './usergroups.exception';

/** Where each key of USER_GROUP_LIST lives in SQL. */
const GROUP_FIELDS = {
  group_name: `${USER_GROUP_LIST_ALIAS}.group_name`,
  ldap_group_dn: `${USER_GROUP_LIST_ALIAS}.ldap_group_dn`,
  creation_time: `${USER_GROUP_LIST_ALIAS}.created_at`,
} as const;

/** A DN: attribute=value pairs separated by commas (checked loosely; LDAP has the last word in ldap_auth). */
const DN_SHAPE = /^[A-Za-z][A-Za-z0-9-]*=.+/;

/** User groups (LDAP groups known to Berth, which can be project members), as Harbor's /usergroups. */
@Injectable()
export class UserGroupsService {
  constructor(
    private readonly groups: UserGroupRepository,
    private readonly configurations: ConfigurationsService,
    private readonly ldap: LdapService,
    private readonly audit: AuditService,
  ) {}

  /** Lists one page of groups, optionally by exact DN or part of the name (Harbor's parameters). */
  async list(query: ListQueryOf<typeof USER_GROUP_LIST>, params: UserGroupListParamsDto): Promise<Page<UserGroupDto>> {
    const { items, total } = await this.groups.list((qb) => {
      if (params.ldap_group_dn !== undefined) {
        qb.andWhere(`${GROUP_FIELDS.ldap_group_dn} = :dn`, { dn: normalizeDn(params.ldap_group_dn) });
      }
      if (params.group_name !== undefined) {
        qb.andWhere(`${GROUP_FIELDS.group_name} ILIKE :name ESCAPE '\\'`, {
          name: `%${escapeLike(params.group_name)}%`,
        });
      }
      applyListQuery(qb, query, GROUP_FIELDS, { tieBreaker: `${USER_GROUP_LIST_ALIAS}.id` });
    });
    return { items: items.map(toDto), total };
  }

  /** Finds groups whose name contains `groupname`, for adding project members; any signed-in caller may. */
  async search(groupname: string, query: ListQueryOf<typeof USER_GROUP_SEARCH>): Promise<Page<UserGroupSearchItemDto>> {
    const { items, total } = await this.groups.list((qb) => {
      qb.andWhere(`${GROUP_FIELDS.group_name} ILIKE :name ESCAPE '\\'`, { name: `%${escapeLike(groupname)}%` });
      applyListQuery(qb, query, {}, { tieBreaker: `${USER_GROUP_LIST_ALIAS}.id` });
    });
    return {
      items: items.map((group) => ({ id: group.id, group_name: group.groupName, group_type: HARBOR_LDAP_GROUP_TYPE })),
      total,
    };
  }

  /** Reads a group. */
  async get(id: number): Promise<UserGroupDto> {
    const group = await this.groups.findById(id);
    if (!group) throw notFound(id);
    return toDto(group);
  }

  /**
   * Registers an LDAP group by DN. In ldap_auth mode the DN must exist in LDAP (an unreachable LDAP answers 503),
   * and the name defaults to the group's LDAP name; otherwise to the first value of the DN.
   */
  async create(actor: Actor, dto: CreateUserGroupDto): Promise<UserGroupDto> {
    const dn = normalizeDn(dto.ldap_group_dn);
    if (!DN_SHAPE.test(dn)) {
      throw new UserGroupsException('INVALID_DN', `${dto.ldap_group_dn} is not a distinguished name`);
    }
    let name = dto.group_name;
    if ((await this.configurations.getAuthMode()) === 'ldap_auth') {
      const found = await this.ldap.searchGroups({ groupdn: dto.ldap_group_dn });
      if (found.length === 0) {
        throw new UserGroupsException('NOT_IN_LDAP', `no LDAP group has the DN ${dto.ldap_group_dn}`);
      }
      name ??= found[0]!.group_name;
    }
    name ??= firstRdnValue(dto.ldap_group_dn);
    let group: UserGroupEntity;
    try {
      group = await this.groups.insert({ groupName: name, groupType: 'ldap', ldapGroupDn: dn });
    } catch (err) {
      if (err instanceof UserGroupDnTakenError) {
        throw new UserGroupsException('DN_TAKEN', `a user group with DN ${dn} already exists`);
      }
      throw err;
    }
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'user-group',
      resource: group.groupName,
      detail: { group_id: group.id, ldap_group_dn: dn },
    });
    return toDto(group);
  }

  /** Renames a group. */
  async rename(actor: Actor, id: number, groupName: string): Promise<void> {
    const before = await this.groups.findById(id);
    if (!before) throw notFound(id);
    if (before.groupName === groupName) return;
    if (!(await this.groups.rename(id, groupName))) throw notFound(id);
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'user-group',
      resource: groupName,
      detail: { group_id: id, previous_name: before.groupName },
    });
  }

  /** Deletes a group and its project memberships. */
  async delete(actor: Actor, id: number): Promise<void> {
    const group = await this.groups.findById(id);
    if (!group || !(await this.groups.delete(id))) throw notFound(id);
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'user-group',
      resource: group.groupName,
      detail: { group_id: id, ldap_group_dn: group.ldapGroupDn },
    });
  }
}

function toDto(group: UserGroupEntity): UserGroupDto {
  return {
    id: group.id,
    group_name: group.groupName,
    group_type: HARBOR_LDAP_GROUP_TYPE,
    ldap_group_dn: group.ldapGroupDn,
  };
}

/** The value of a DN's first attribute (`developers` of `cn=developers,ou=groups,…`), as typed. */
function firstRdnValue(dn: string): string {
  const first = dn.split(/(?<!\\),/)[0] ?? dn;
  const value = first.slice(first.indexOf('=') + 1).trim();
  return value === '' ? dn : value;
}

function notFound(id: number): UserGroupsException {
  return new UserGroupsException('NOT_FOUND', `user group ${id} not found`);
}
