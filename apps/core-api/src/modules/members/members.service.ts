import {
  type AddMemberResult,
  type ChangeMemberResult,
  MEMBER_LIST_FIELDS,
  type MemberRow,
  type ProjectEntity,
  ProjectMemberRepository,
} from '@berth/db';
import { PROJECT_ROLE_NAMES, ProjectRole, isProjectRole } from '@berth/rbac';
import { Injectable } from '@nestjs/common';
import { MAX_INT4 } from '../../common/pg-int';
import { type Actor } from '../../common/auth/principal';
import { type ListQueryOf, type Page, applyListQuery, escapeLike } from '../../common/query';
import { AuditService } from '../audit/audit.service';
import { normalizeDn } from '../ldap/ldap-syntax';
import {
  type CreateMemberDto,
  type MemberGroupDto,
  type MemberResponseDto,
  type MemberUserDto,
} from './dto/member.dto';
import { type MEMBER_LIST } from './member-list.query';
import { MembersException } from './members.exception';

/** Project membership use cases: list, add users and LDAP groups, change roles, remove; never the last admin. */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: ProjectMemberRepository,
    private readonly audit: AuditService,
  ) {}

  /** Lists a project's members, optionally those whose name contains `entityName`. */
  async list(
    project: ProjectEntity,
    query: ListQueryOf<typeof MEMBER_LIST>,
    entityName?: string,
  ): Promise<Page<MemberResponseDto>> {
    const page = await this.members.list(project.id, (qb) => {
      if (entityName) {
        qb.andWhere(`${MEMBER_LIST_FIELDS.entity_name} ILIKE :entityName ESCAPE '\\'`, {
          entityName: `%${escapeLike(entityName)}%`,
        });
      }
      applyListQuery(qb, query, MEMBER_LIST_FIELDS, { tieBreaker: 'm.id' });
    });
    return { total: page.total, items: page.items.map(toDto) };
  }

  /** Shows one membership. */
  async get(project: ProjectEntity, memberId: number): Promise<MemberResponseDto> {
    return toDto(await this.find(project, memberId));
  }

  /** Adds a user or a group with a role; returns the new membership's id. */
  async add(actor: Actor, project: ProjectEntity, dto: CreateMemberDto): Promise<number> {
    if (!!dto.member_user === !!dto.member_group) {
      throw new MembersException('INVALID_MEMBER', 'give exactly one of member_user and member_group');
    }
    const { result, name, type } = dto.member_user
      ? await this.addUser(project, dto.member_user, dto.role_id)
      : await this.addGroup(project, dto.member_group!, dto.role_id);
    if (!result.added) {
      throw new MembersException('ALREADY_MEMBER', `${name} is already a member of project ${project.name}`);
    }
    await this.audit.record(actor, {
      operation: 'create',
      resourceType: 'member',
      resource: `${project.name}:${name}`,
      projectId: project.id,
      detail: { entity_type: type, role_id: dto.role_id },
    });
    return result.id;
  }

  /** Changes a member's role; demoting the last projectAdmin is refused. */
  async updateRole(actor: Actor, project: ProjectEntity, memberId: number, roleId: number): Promise<void> {
    const member = await this.find(project, memberId);
    const outcome = await this.members.updateRole(project.id, memberId, roleId, ProjectRole.ProjectAdmin);
    this.check(outcome, project, memberId);
    await this.audit.record(actor, {
      operation: 'update',
      resourceType: 'member',
      resource: `${project.name}:${member.entityName}`,
      projectId: project.id,
      detail: { from_role_id: member.role, role_id: roleId },
    });
  }

  /** Removes a member; removing the last projectAdmin is refused. */
  async remove(actor: Actor, project: ProjectEntity, memberId: number): Promise<void> {
    const member = await this.find(project, memberId);
    this.check(await this.members.remove(project.id, memberId, ProjectRole.ProjectAdmin), project, memberId);
    await this.audit.record(actor, {
      operation: 'delete',
      resourceType: 'member',
      resource: `${project.name}:${member.entityName}`,
      projectId: project.id,
    });
  }

  private async find(project: ProjectEntity, memberId: number): Promise<MemberRow> {
    // Ids outside the integer column's range name no member; asking Postgres would fail instead of answering 404.
    const member = memberId > 0 && memberId <= MAX_INT4 ? await this.members.find(project.id, memberId) : undefined;
    if (!member) throw new MembersException('MEMBER_NOT_FOUND', `project ${project.name} has no member ${memberId}`);
    return member;
  }

  private check(outcome: ChangeMemberResult, project: ProjectEntity, memberId: number): void {
    if (outcome === 'unknown') {
      throw new MembersException('MEMBER_NOT_FOUND', `project ${project.name} has no member ${memberId}`);
    }
    if (outcome === 'last-admin') {
      throw new MembersException(
        'LAST_ADMIN',
        `member ${memberId} is the last projectAdmin of project ${project.name}; make another member projectAdmin first`,
      );
    }
  }

  private async addUser(
    project: ProjectEntity,
    ref: MemberUserDto,
    role: number,
  ): Promise<{ result: AddMemberResult; name: string; type: 'u' }> {
    if (ref.user_id === undefined && ref.username === undefined) {
      throw new MembersException('INVALID_MEMBER', 'member_user needs user_id or username');
    }
    const user = await this.members.findUser({ id: ref.user_id, username: ref.username });
    if (!user) throw new MembersException('USER_NOT_FOUND', `user ${ref.user_id ?? ref.username} not found`);
    return { result: await this.members.addUser(project.id, user.id, role), name: user.username, type: 'u' };
  }

  private async addGroup(
    project: ProjectEntity,
    ref: MemberGroupDto,
    role: number,
  ): Promise<{ result: AddMemberResult; name: string; type: 'g' }> {
    if (ref.ldap_group_dn !== undefined) {
      const dn = normalizeDn(ref.ldap_group_dn);
      // A new group is named as given, else after its DN's first value (`cn=developers,…` → developers).
      const name = ref.group_name ?? dn.split(',')[0]!.split('=').slice(1).join('=');
      return { result: await this.members.addLdapGroup(project.id, { dn, name }, role), name, type: 'g' };
    }
    if (ref.id === undefined && ref.group_name === undefined) {
      throw new MembersException('INVALID_MEMBER', 'member_group needs id, group_name or ldap_group_dn');
    }
    const group = await this.members.findGroup({ id: ref.id, name: ref.group_name });
    if (!group) throw new MembersException('GROUP_NOT_FOUND', `user group ${ref.id ?? ref.group_name} not found`);
    return { result: await this.members.addGroup(project.id, group.id, role), name: group.groupName, type: 'g' };
  }
}

/** Shapes a membership as Harbor's ProjectMemberEntity. */
function toDto(member: MemberRow): MemberResponseDto {
  return {
    id: member.id,
    project_id: member.projectId,
    entity_name: member.entityName,
    entity_type: member.entityType,
    entity_id: member.entityId,
    role_id: member.role,
    role_name: isProjectRole(member.role) ? PROJECT_ROLE_NAMES[member.role] : String(member.role),
  };
}
