import { Controller, Get, Header, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor } from '../../common/decorators/current.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { TokenFormDto, TokenResponseDto } from './dto/token-response.dto';
import { tokenForm, tokenQuery } from './token-request';
import { TokenService } from './token.service';

/** The path of the docker token service, outside the /api/v2.0 prefix as registry clients expect from Harbor. */
export const TOKEN_SERVICE_PATH = 'service/token';

/**
 * The docker token service (Docker token spec, GET) and its OAuth2 form (POST), the `realm` of the registry's Bearer
 * challenge. Public: anonymous callers get tokens too, carrying what public projects allow.
 */
@ApiTags('token')
@Public()
@Controller(TOKEN_SERVICE_PATH)
export class TokenController {
  constructor(private readonly tokens: TokenService) {}

  /** Issues a registry token for the Basic credentials (or none) and the requested scopes. */
  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    summary: 'Get a registry token',
    description:
      'Docker token spec: Basic credentials of a user, robot or access token, or none; each `scope` is granted the ' +
      'actions the caller holds.',
  })
  @ApiQuery({
    name: 'service',
    type: String,
    required: false,
    description: 'The registry service name from its challenge.',
  })
  @ApiQuery({
    name: 'scope',
    required: false,
    isArray: true,
    type: String,
    description: 'Repeated: `repository:<name>:pull,push,delete`, `registry:catalog:*`.',
  })
  @ApiQuery({ name: 'account', type: String, required: false, description: 'The account name (informational).' })
  @ApiQuery({
    name: 'offline_token',
    type: String,
    required: false,
    description: '`true` to also receive a refresh token.',
  })
  @ApiQuery({ name: 'client_id', type: String, required: false, description: 'The client (informational).' })
  @ApiOkResponse({ type: TokenResponseDto })
  get(@CurrentActor() actor: Actor, @Req() request: Request): Promise<TokenResponseDto> {
    return this.tokens.issue(actor.principal, tokenQuery(request.query));
  }

  /** Issues a registry token for the OAuth2 password or refresh_token grant. */
  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    summary: 'Get a registry token (OAuth2)',
    description: 'The OAuth2 form containerd and newer docker clients use: grant_type password or refresh_token.',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ type: TokenFormDto })
  @ApiOkResponse({ type: TokenResponseDto })
  post(@CurrentActor() actor: Actor, @Req() request: Request): Promise<TokenResponseDto> {
    const form = tokenForm(request.body);
    return form.grant === 'password'
      ? this.tokens.passwordGrant(form.username, form.password, actor.sourceIp, form.request)
      : this.tokens.refreshGrant(form.refreshToken, actor.sourceIp, form.request);
  }
}
