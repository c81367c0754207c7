import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/decorators/public.decorator';
import { OverallHealthDto } from './dto/health.dto';
import { SystemInfoDto } from './dto/system-info.dto';
import { HealthService } from './health.service';
import { SystemService } from './system.service';

/** Liveness, health and system information. */
@ApiTags('system')
@Controller()
export class SystemController {
  constructor(
    private readonly system: SystemService,
    private readonly health: HealthService,
  ) {}

  @Get('ping')
  @Public()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'Answers "Pong" while the API process is up.' })
  @ApiOkResponse({ schema: { type: 'string', example: 'Pong' } })
  ping(): string {
    return 'Pong';
  }

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Reports the state of every component; 503 when any is unhealthy.' })
  @ApiOkResponse({ type: OverallHealthDto })
  @ApiServiceUnavailableResponse({ type: OverallHealthDto })
  async getHealth(@Res({ passthrough: true }) res: Response): Promise<OverallHealthDto> {
    const result = await this.health.check();
    res.status(result.status === 'healthy' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }

  @Get('systeminfo')
  @Public()
  @ApiOperation({ summary: 'Returns the version, storage backend, auth mode and registry address.' })
  @ApiOkResponse({ type: SystemInfoDto })
  systemInfo(): Promise<SystemInfoDto> {
    return this.system.info();
  }
}
