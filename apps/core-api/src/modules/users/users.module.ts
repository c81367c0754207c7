import { Module } from '@nestjs/common';
import { ConfigurationsModule } from '../configurations/configurations.module';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** User accounts: the /users API and the bootstrap of the admin account (the password hasher is the auth module's). */
@Module({
  imports: [ConfigurationsModule],
  controllers: [UsersController],
  providers: [UsersService, AdminBootstrapService],
})
export class UsersModule {}
