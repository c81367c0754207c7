import { type DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ApiExceptionFilter } from './common/filters/api-exception.filter';
import { AuthorizationGuard } from './common/guards/authorization.guard';
import { type CoreApiConfig } from './config/core-api.config';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { ArtifactsModule } from './modules/artifacts/artifacts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConfigurationsModule } from './modules/configurations/configurations.module';
import { LdapModule } from './modules/ldap/ldap.module';
import { MembersModule } from './modules/members/members.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { RepositoriesModule } from './modules/repositories/repositories.module';
import { RobotsModule } from './modules/robots/robots.module';
import { SearchModule } from './modules/search/search.module';
import { SystemModule } from './modules/system/system.module';
import { TokenModule } from './modules/token/token.module';
import { TokensModule } from './modules/tokens/tokens.module';
import { UserGroupsModule } from './modules/usergroups/usergroups.module';
import { UsersModule } from './modules/users/users.module';

/** The REST API's global prefix, as in Harbor. */
export const API_PREFIX = 'api/v2.0';

/** The core-api application: infrastructure, domain modules, and the cross-cutting guard, pipe and filter. */
@Module({})
export class AppModule {
  /** Builds the application for one parsed configuration. */
  static forRoot(config: CoreApiConfig): DynamicModule {
    const consoleBundle = config.BERTH_CONSOLE_DIR
      ? [
          ServeStaticModule.forRoot({
            rootPath: config.BERTH_CONSOLE_DIR,
            exclude: [`/${API_PREFIX}/{*path}`, '/service/{*path}', '/v2/{*path}', '/c/{*path}'],
          }),
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        ...consoleBundle,
        AuthModule,
        AuditModule,
        SystemModule,
        UsersModule,
        UserGroupsModule,
        TokensModule,
        ConfigurationsModule,
        LdapModule,
        TokenModule,
        RobotsModule,
        ProjectsModule,
        MembersModule,
        RepositoriesModule,
        ArtifactsModule,
        SearchModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthorizationGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
      ],
    };
  }
}
