import { Module } from '@nestjs/common';
import { TokenModule } from '../token/token.module';
import { ArtifactsController } from './artifacts.controller';
import { ArtifactsService } from './artifacts.service';
import { RegistryClient } from './registry.client';

/** Artifacts and tags, changed through the registry's OCI API by the RegistryClient. */
@Module({
  imports: [TokenModule],
  controllers: [ArtifactsController],
  providers: [ArtifactsService, RegistryClient],
  exports: [RegistryClient],
})
export class ArtifactsModule {}
