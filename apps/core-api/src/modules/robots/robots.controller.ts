import { ProjectEntity } from '@berth/db';
import { Action, ProjectResource } from '@berth/rbac';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../../common/pipes/parse-id.pipe';
import { type Actor } from '../../common/auth/principal';
import { CurrentActor, CurrentProject } from '../../common/decorators/current.decorator';
import { RequireAuthenticated, RequirePermission } from '../../common/decorators/require-permission.decorator';
import { ListQuery, type ListQueryOf, type Page, Paginated } from '../../common/query';
import { CreateRobotDto } from './dto/create-robot.dto';
import { PROJECT_ROBOT_LIST, ROBOT_LIST } from './dto/robot-list.query';
import { RobotCreatedResponseDto, RobotResponseDto } from './dto/robot-response.dto';
import { RefreshRobotSecretDto, RobotSecretResponseDto } from './dto/robot-secret.dto';
import { UpdateRobotDto } from './dto/update-robot.dto';
import { RobotsService } from './robots.service';

/**
 * Robot accounts, as Harbor's v2 /robots. The project of a project robot is in the body or the list filter, not in
 * the path, so these routes require a signed-in caller and the service checks the permission in that project.
 */
@ApiTags('robot')
@Controller()
export class RobotsController {
  constructor(private readonly robots: RobotsService) {}

  @Get('robots')
  @RequireAuthenticated()
  @ApiOperation({
    summary:
      'Lists robots: one project’s with q=Level=project,ProjectID=<id> (robot:list there), else all (system robot:list).',
  })
  @Paginated(RobotResponseDto)
  @ApiForbiddenResponse({ description: 'The caller may not list these robots.' })
  list(
    @CurrentActor() actor: Actor,
    @ListQuery(ROBOT_LIST) query: ListQueryOf<typeof ROBOT_LIST>,
  ): Promise<Page<RobotResponseDto>> {
    return this.robots.list(actor, query);
  }

  @Post('robots')
  @RequireAuthenticated()
  @ApiOperation({
    summary:
      'Creates a robot; the secret is in this response only. System robots: administrators; project robots: robot:create.',
  })
  @ApiCreatedResponse({ type: RobotCreatedResponseDto })
  @ApiBadRequestResponse({ description: 'An invalid name, permission list, duration or secret.' })
  @ApiConflictResponse({ description: 'A robot with that name exists.' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRobotDto): Promise<RobotCreatedResponseDto> {
    return this.robots.create(actor, dto);
  }

  @Get('robots/:robot_id')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Reads a robot (never its secret).' })
  @ApiParam({ name: 'robot_id', type: Number })
  @ApiOkResponse({ type: RobotResponseDto })
  @ApiNotFoundResponse({ description: 'No such robot the caller can see.' })
  get(@CurrentActor() actor: Actor, @Param('robot_id', ParseIdPipe) id: number): Promise<RobotResponseDto> {
    return this.robots.get(actor, id);
  }

  @Put('robots/:robot_id')
  @RequireAuthenticated()
  @ApiOperation({ summary: 'Changes a robot’s description, duration, disable flag or permissions.' })
  @ApiParam({ name: 'robot_id', type: Number })
  @ApiOkResponse({ type: RobotResponseDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('robot_id', ParseIdPipe) id: number,
    @Body() dto: UpdateRobotDto,
  ): Promise<RobotResponseDto> {
    return this.robots.update(actor, id, dto);
  }

  @Patch('robots/:robot_id')
  @RequireAuthenticated()
  @ApiOperation({
    summary: 'Refreshes a robot’s secret (chosen or generated); the previous secret stays valid for 24 hours.',
  })
  @ApiParam({ name: 'robot_id', type: Number })
  @ApiOkResponse({ type: RobotSecretResponseDto })
  refreshSecret(
    @CurrentActor() actor: Actor,
    @Param('robot_id', ParseIdPipe) id: number,
    @Body() dto: RefreshRobotSecretDto,
  ): Promise<RobotSecretResponseDto> {
    return this.robots.refreshSecret(actor, id, dto);
  }

  @Delete('robots/:robot_id')
  @RequireAuthenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Deletes a robot.' })
  @ApiParam({ name: 'robot_id', type: Number })
  @ApiOkResponse({ description: 'Deleted.' })
  async delete(@CurrentActor() actor: Actor, @Param('robot_id', ParseIdPipe) id: number): Promise<void> {
    await this.robots.delete(actor, id);
  }

  @Get('projects/:project_name_or_id/robots')
  @RequirePermission(ProjectResource.Robot, Action.List)
  @ApiOperation({ summary: 'Lists the robots of a project.' })
  @ApiParam({ name: 'project_name_or_id', type: String })
  @Paginated(RobotResponseDto)
  listForProject(
    @CurrentProject() project: ProjectEntity,
    @ListQuery(PROJECT_ROBOT_LIST) query: ListQueryOf<typeof PROJECT_ROBOT_LIST>,
  ): Promise<Page<RobotResponseDto>> {
    return this.robots.listForProject(project, query);
  }
}
