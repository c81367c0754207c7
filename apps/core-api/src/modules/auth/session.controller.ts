import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor } from '../../common/decorators/current.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { SessionService } from './session.service';

/** The console's sign-in and sign-out paths, outside the /api/v2.0 prefix as in Harbor. */
export const CONSOLE_SESSION_PATHS = ['c/login', 'c/log_out'] as const;

/** The console's sign-in and sign-out, at Harbor's paths outside /api/v2.0. */
@ApiTags('auth')
@Controller('c')
export class SessionController {
  constructor(private readonly sessions: SessionService) {}

  @Post('login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({
    summary:
      'Signs in to the console: sets the httpOnly `sid` session cookie and the readable `berth-csrf` cookie, and ' +
      'answers the CSRF token unsafe requests of the session must send as X-Berth-CSRF-Token.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials, a locked account or address, or LDAP unavailable.' })
  login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    return this.sessions.login(dto, req, res);
  }

  @Get('log_out')
  @Public()
  @ApiOperation({ summary: 'Signs out of the console: ends the session and clears its cookies.' })
  @ApiOkResponse({ description: 'Signed out (also when there was no session).' })
  logout(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    return this.sessions.logout(actor, req, res);
  }

  @Post('log_out')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Signs out of the console, as GET; with a session it needs the CSRF header.' })
  @ApiOkResponse({ description: 'Signed out (also when there was no session).' })
  logoutByPost(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    return this.sessions.logout(actor, req, res);
  }
}
