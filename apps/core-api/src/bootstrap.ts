import { type Logger, PinoNestLogger } from '@berth/common';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, AppModule } from './app.module';
import { requestLogging } from './common/request-logging.middleware';
import { type CoreApiConfig } from './config/core-api.config';

/** Builds the OpenAPI document description shared by the served docs and the committed openapi.json. */
export function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Berth API')
    .setDescription('The REST API of Berth, shaped after Harbor v2.0.')
    .setVersion('2.0')
    .addBasicAuth()
    .build();
}

/** Creates the core-api application (not yet listening), with prefix, docs, logging and shutdown hooks. */
export async function createCoreApi(config: CoreApiConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(requestLogging(logger));
  app.setGlobalPrefix(API_PREFIX);
  const document = SwaggerModule.createDocument(app, openApiConfig());
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/openapi.json` });
  return app;
}
