import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseBoolPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Action, SystemResource } from '@berth/rbac';
import type { Response } from 'express';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor } from '../../common/decorators/current.decorator';
import { Public } from '../../common/decorators/public.decorator';
import {
  RequireAuthenticated,
  RequireSystemAdmin,
  RequireSystemPermission,
} from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import { SessionId } from '../auth/session-id.decorator';
import {
  ChangePasswordDto,
  CreateUserDto,
  PermissionDto,
  SysadminFlagDto,
  UpdateUserProfileDto,
  UserResponseDto,
  UserSearchItemDto,
} from './dto/user.dto';
import { USER_LIST, USER_SEARCH } from './dto/user-list.query';
import { UsersService } from './users.service';

/** The absolute path of the users collection, for the Location of a created account. */
const USERS_LOCATION = '/api/v2.0/users';

/** User accounts, as Harbor's /users. */
@ApiTags('user')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequireSystemPermission(SystemResource.User, Action.List)
  @ApiOperation({ summary: 'Lists accounts (system administrators).' })
  @Paginated(UserResponseDto)
  list(@ListQuery(USER_LIST) query: ListQueryOf<typeof USER_LIST>): Promise<Page<UserResponseDto>> {
    return this.users.list(query);
  }

  @Post()
  @Public()
  @ApiOperation({
    summary:
      'Creates a local account: system administrators, or anyone signed out while self_registration is on (db_auth).',
  })
  @ApiCreatedResponse({ type: UserResponseDto, headers: { Location: { description: 'The new account.' } } })
  @ApiBadRequestResponse({ description: 'An invalid username or a password that fails the policy.' })
  @ApiConflictResponse({ description: 'The username or email is taken.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateUserDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UserResponseDto> {
    const user = await this.users.create(actor, dto);
    res.location(`${USERS_LOCATION}/${user.user_id}`);
    return user;
  }

  @Get('current')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Reads the signed-in user.' })
  @ApiOkResponse({ type: UserResponseDto })
  current(@CurrentActor() actor: Actor): Promise<UserResponseDto> {
    return this.users.current(actor);
  }

  @Get('current/permissions')
  @RequireAuthenticated()
  @ApiOperation({ summary: "Lists the caller's permissions in a scope: `/system` or `/project/{project_id}`." })
  @ApiQuery({ name: 'scope', required: false, example: '/project/1' })
  @ApiQuery({ name: 'relative', required: false, type: Boolean, description: 'Resources relative to the scope.' })
  @ApiOkResponse({ type: [PermissionDto] })
  permissions(
    @CurrentActor() actor: Actor,
    @Query('scope') scope?: string,
    @Query('relative', new ParseBoolPipe({ optional: true })) relative?: boolean,
  ): Promise<PermissionDto[]> {
    return this.users.permissions(actor, scope, relative ?? false);
  }

  @Get('search')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Finds accounts whose username contains `username` (for adding project members).' })
  @ApiQuery({ name: 'username', required: true, type: String })
  @Paginated(UserSearchItemDto)
  search(
    @Query('username') username: string | undefined,
    @ListQuery(USER_SEARCH) query: ListQueryOf<typeof USER_SEARCH>,
  ): Promise<Page<UserSearchItemDto>> {
    return this.users.search(username ?? '', query);
  }

  @Get(':user_id')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Reads an account: your own, or any as a system administrator.' })
  @ApiParam({ name: 'user_id', type: Number })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiForbiddenResponse({ description: "Another user's account, without user:read." })
  @ApiNotFoundResponse({ description: 'No such account.' })
  get(@CurrentActor() actor: Actor, @Param('user_id', ParseIdPipe) userId: number): Promise<UserResponseDto> {
    return this.users.get(actor, userId);
  }

  @Put(':user_id')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Changes the email, real name or comment of your account, or of any as an administrator.' })
  @ApiParam({ name: 'user_id', type: Number })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiConflictResponse({ description: 'The email is used by another account.' })
  update(
    @CurrentActor() actor: Actor,
    @Param('user_id', ParseIdPipe) userId: number,
    @Body() dto: UpdateUserProfileDto,
  ): Promise<UserResponseDto> {
    return this.users.updateProfile(actor, userId, dto);
  }

  @Delete(':user_id')
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Deletes an account with its memberships and tokens; not your own, not the last admin.' })
  @ApiParam({ name: 'user_id', type: Number })
  @ApiOkResponse({ description: 'Deleted.' })
  @ApiConflictResponse({ description: 'The account is the last system administrator.' })
  delete(@CurrentActor() actor: Actor, @Param('user_id', ParseIdPipe) userId: number): Promise<void> {
    return this.users.delete(actor, userId);
  }

  @Put(':user_id/password')
  @RequireAuthenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Changes your password (old_password required) or resets another account’s as an administrator.',
  })
  @ApiParam({ name: 'user_id', type: Number })
  @ApiOkResponse({ description: 'Changed; the account’s other console sessions have ended.' })
  @ApiBadRequestResponse({ description: 'The new password fails the policy or equals the current one.' })
  @ApiForbiddenResponse({ description: 'Wrong old password, or another account without being an administrator.' })
  changePassword(
    @CurrentActor() actor: Actor,
    @Param('user_id', ParseIdPipe) userId: number,
    @Body() dto: ChangePasswordDto,
    @SessionId() sessionId: string | undefined,
  ): Promise<void> {
    return this.users.changePassword(actor, userId, dto, sessionId);
  }

  @Put(':user_id/sysadmin')
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Sets or clears the system administrator flag; the last administrator keeps it.' })
  @ApiParam({ name: 'user_id', type: Number })
  @ApiOkResponse({ description: 'Changed.' })
  @ApiConflictResponse({ description: 'The account is the last system administrator.' })
  setSysadmin(
    @CurrentActor() actor: Actor,
    @Param('user_id', ParseIdPipe) userId: number,
    @Body() dto: SysadminFlagDto,
  ): Promise<void> {
    return this.users.setSysadmin(actor, userId, dto.sysadmin_flag);
  }
}
