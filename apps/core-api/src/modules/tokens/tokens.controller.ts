import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor } from '../../common/decorators/current.decorator';
import { RequireAuthenticated } from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import {
  CreatePersonalAccessTokenDto,
  PERSONAL_ACCESS_TOKEN_LIST,
  PersonalAccessTokenCreatedDto,
  PersonalAccessTokenResponseDto,
} from './dto/personal-access-token.dto';
import { TokensService } from './tokens.service';

/**
 * Personal access tokens: under /users/current/tokens for the signed-in user, and /users/{user_id}/tokens, where
 * system administrators may list and revoke another user's. Managing tokens needs a password or console session.
 */
@ApiTags('user')
@Controller('users')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get('current/tokens')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Lists your personal access tokens (never their secrets).' })
  @Paginated(PersonalAccessTokenResponseDto)
  listOwn(
    @CurrentActor() actor: Actor,
    @ListQuery(PERSONAL_ACCESS_TOKEN_LIST) query: ListQueryOf<typeof PERSONAL_ACCESS_TOKEN_LIST>,
  ): Promise<Page<PersonalAccessTokenResponseDto>> {
    return this.tokens.list(actor, 'current', query);
  }

  @Post('current/tokens')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Creates a personal access token; its secret is in this response only.' })
  @ApiCreatedResponse({ type: PersonalAccessTokenCreatedDto })
  @ApiBadRequestResponse({ description: 'An invalid name, an unknown scope or an invalid lifetime.' })
  @ApiConflictResponse({ description: 'You already have a token of that name.' })
  createOwn(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePersonalAccessTokenDto,
  ): Promise<PersonalAccessTokenCreatedDto> {
    return this.tokens.create(actor, 'current', dto);
  }

  @Delete('current/tokens/:token_id')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Revokes one of your personal access tokens at once.' })
  @ApiParam({ name: 'token_id', type: Number })
  @ApiOkResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ description: 'No such token, or revoked already.' })
  revokeOwn(@CurrentActor() actor: Actor, @Param('token_id', ParseIdPipe) tokenId: number): Promise<void> {
    return this.tokens.revoke(actor, 'current', tokenId);
  }

  @Get(':user_id/tokens')
  @RequireAuthenticated()
  @ApiOperation({ summary: "Lists a user's personal access tokens: your own, or anyone's as an administrator." })
  @ApiParam({ name: 'user_id', type: Number })
  @Paginated(PersonalAccessTokenResponseDto)
  @ApiForbiddenResponse({ description: "Another user's tokens, without being a system administrator." })
  list(
    @CurrentActor() actor: Actor,
    @Param('user_id', ParseIdPipe) userId: number,
    @ListQuery(PERSONAL_ACCESS_TOKEN_LIST) query: ListQueryOf<typeof PERSONAL_ACCESS_TOKEN_LIST>,
  ): Promise<Page<PersonalAccessTokenResponseDto>> {
    return this.tokens.list(actor, userId, query);
  }

  @Post(':user_id/tokens')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Creates a personal access token for yourself (user_id must be yours).' })
  @ApiParam({ name: 'user_id', type: Number })
  @ApiCreatedResponse({ type: PersonalAccessTokenCreatedDto })
  @ApiForbiddenResponse({ description: 'Nobody creates tokens for someone else.' })
  create(
    @CurrentActor() actor: Actor,
    @Param('user_id', ParseIdPipe) userId: number,
    @Body() dto: CreatePersonalAccessTokenDto,
  ): Promise<PersonalAccessTokenCreatedDto> {
    return this.tokens.create(actor, userId, dto);
  }

  @Delete(':user_id/tokens/:token_id')
  @RequireAuthenticated()
  @ApiOperation({ summary: "Revokes a user's personal access token: your own, or anyone's as an administrator." })
  @ApiParam({ name: 'user_id', type: Number })
  @ApiParam({ name: 'token_id', type: Number })
  @ApiOkResponse({ description: 'Revoked.' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('user_id', ParseIdPipe) userId: number,
    @Param('token_id', ParseIdPipe) tokenId: number,
  ): Promise<void> {
    return this.tokens.revoke(actor, userId, tokenId);
  }
}
