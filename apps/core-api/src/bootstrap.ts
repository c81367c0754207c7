import { type Logger, PinoNestLogger } from '@berth/common';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, AppModule } from './app.module';
import { requestLogging } from './common/request-logging.middleware';
import { type CoreApiConfig } from './config/core-api.config';
import { CONSOLE_SESSION_PATHS } from './modules/auth/session.controller';
import { TOKEN_SERVICE_PATH } from './modules/token/token.controller';
import { createOpenApiDocument } from './openapi/openapi-document';

/** Routes served at Harbor's paths outside the REST prefix: the docker token service and the console's sign-in. */
export const UNPREFIXED_PATHS: readonly string[] = [TOKEN_SERVICE_PATH, ...CONSOLE_SESSION_PATHS];

/** How to create the application; `preview` builds the module graph without instantiating any provider. */
export interface CreateCoreApiOptions {
  /** Nest's preview mode: no provider runs, so nothing connects to Postgres or Redis (the OpenAPI generator). */
  preview?: boolean;
}

/** Creates the core-api application (not yet listening), with prefix, docs, logging and shutdown hooks. */
export async function createCoreApi(
  config: CoreApiConfig,
  logger: Logger,
  options: CreateCoreApiOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    preview: options.preview ?? false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestLogging(logger));
  // The docker token service and the console's sign-in and sign-out sit at Harbor's paths, outside the REST prefix.
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS.map((path) => ({ path, method: RequestMethod.ALL })) });
  const document = createOpenApiDocument(app, UNPREFIXED_PATHS);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/openapi.json` });
  return app;
}
