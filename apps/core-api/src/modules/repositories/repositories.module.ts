import { Module } from '@nestjs/common';
import { ArtifactsModule } from '../artifacts/artifacts.module';
import { RepositoriesController } from './repositories.controller';
import { RepositoriesService } from './repositories.service';

/** Repositories: list, show, describe, delete. */
@Module({ imports: [ArtifactsModule], controllers: [RepositoriesController], providers: [RepositoriesService] })
export class RepositoriesModule {}
