import { Module } from '@nestjs/common';
import { ProjectMetadataController, ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

/** Projects: list, create, show, change, delete, summary and metadata. */
@Module({
  controllers: [ProjectsController, ProjectMetadataController],
  providers: [ProjectsService],
  exports: [ProjectsService],
})
export class ProjectsModule {}
