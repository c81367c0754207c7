import { BERTH_VERSION } from '@berth/common';
import { ConfigurationRepository } from '@berth/db';
import { Inject, Injectable } from '@nestjs/common';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { type SystemInfoDto } from './dto/system-info.dto';

/** Default authentication mode until an administrator configures LDAP. */
const DEFAULT_AUTH_MODE = 'db_auth';

/** Answers what the installation is and how to use it. */
@Injectable()
export class SystemService {
  constructor(
    @Inject(CORE_API_CONFIG) private readonly config: CoreApiConfig,
    private readonly configuration: ConfigurationRepository,
  ) {}

  /** Returns version, storage backend, auth mode and the addresses to use. */
  async info(): Promise<SystemInfoDto> {
    return {
      berth_version: BERTH_VERSION,
      storage_backend: this.config.BERTH_STORAGE_DRIVER,
      auth_mode: await this.configuration.get('auth_mode', DEFAULT_AUTH_MODE),
      registry_url: this.config.BERTH_REGISTRY_URL,
      external_url: this.config.BERTH_EXTERNAL_URL,
      with_console: this.config.BERTH_CONSOLE_DIR !== undefined,
      current_time: new Date().toISOString(),
    };
  }
}
