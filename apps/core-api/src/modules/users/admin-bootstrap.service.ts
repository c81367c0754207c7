import { UserRepository } from '@berth/db';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CORE_API_CONFIG, type CoreApiConfig } from '../../config/core-api.config';
import { PasswordHasher } from './password-hasher';

/** Username of the administrator created at install, as in Harbor. */
export const ADMIN_USERNAME = 'admin';
/** Random bytes in a generated admin password: 18 bytes = 144 bits, 24 base64url characters. */
const GENERATED_PASSWORD_BYTES = 18;

/**
 * Creates the `admin` account on first start. Its password comes from BERTH_ADMIN_PASSWORD, or is generated and
 * printed once; safe when several replicas start at once because only the insert that wins prints anything.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    @Inject(CORE_API_CONFIG) private readonly config: CoreApiConfig,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Ensures the admin account exists. */
  async onApplicationBootstrap(): Promise<void> {
    const given = this.config.BERTH_ADMIN_PASSWORD;
    const password = given ?? randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
    const created = await this.users.insertIfAbsent({
      username: ADMIN_USERNAME,
      email: null,
      realname: 'System administrator',
      passwordHash: await this.hasher.hash(password),
      sysadmin: true,
      source: 'local',
    });
    if (!created) return;
    if (given) {
      this.logger.log(`created the ${ADMIN_USERNAME} account with the password from BERTH_ADMIN_PASSWORD`);
    } else {
      // Printed once, on the one start that created the account; it is never stored in clear anywhere.
      process.stdout.write(
        `\nGenerated password for '${ADMIN_USERNAME}' (shown once, change it after signing in): ${password}\n\n`,
      );
    }
  }
}
