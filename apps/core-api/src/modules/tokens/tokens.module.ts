import { Module } from '@nestjs/common';
import { TokensController } from './tokens.controller';
import { TokensService } from './tokens.service';

/** Users' personal access tokens: the API; checking them at sign-in is the auth module's PersonalAccessTokenVerifier. */
@Module({ controllers: [TokensController], providers: [TokensService] })
export class TokensModule {}
