import { Module } from '@nestjs/common';
import { ConfigurationsModule } from '../configurations/configurations.module';
import { RobotCredentials } from './robot-credentials';
import { RobotsController } from './robots.controller';
import { RobotsService } from './robots.service';

/** Robot accounts: the /robots API and the credential check the authenticator uses for robot logins. */
@Module({
  imports: [ConfigurationsModule],
  controllers: [RobotsController],
  providers: [RobotsService, RobotCredentials],
  exports: [RobotCredentials],
})
export class RobotsModule {}
