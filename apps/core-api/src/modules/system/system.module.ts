import { Module } from '@nestjs/common';
import { HealthService } from './health.service';
import { SystemController } from './system.controller';
import { SystemService } from './system.service';

/** Liveness, health and system information endpoints. */
@Module({ controllers: [SystemController], providers: [SystemService, HealthService] })
export class SystemModule {}
