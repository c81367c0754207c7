import { Body, Controller, Get, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor } from '../../common/decorators/current.decorator';
import { RequireSystemAdmin } from '../../common/decorators/require-permission.decorator';
import { ConfigurationsService } from './configurations.service';
import { ConfigurationsDto } from './dto/configurations.dto';
import { ConfigurationsResponseDto } from './dto/configurations-response.dto';

/** The system settings, as Harbor's /configurations. */
@ApiTags('configure')
@Controller('configurations')
export class ConfigurationsController {
  constructor(private readonly configurations: ConfigurationsService) {}

  @Get()
  @RequireSystemAdmin()
  @ApiOperation({ summary: 'Lists every system setting as { value, editable }; the LDAP bind password never.' })
  @ApiOkResponse({ type: ConfigurationsResponseDto })
  get(): Promise<ConfigurationsResponseDto> {
    return this.configurations.describe();
  }

  @Put()
  @RequireSystemAdmin()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Changes the settings sent; unknown keys and invalid values are refused with 400.' })
  @ApiOkResponse({ description: 'The settings were changed.' })
  @ApiBadRequestResponse({ description: 'An unknown key, an invalid value or an invalid combination.' })
  async update(@CurrentActor() actor: Actor, @Body() dto: ConfigurationsDto): Promise<void> {
    await this.configurations.update(actor, dto);
  }
}
