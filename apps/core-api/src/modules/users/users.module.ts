import { Module } from '@nestjs/common';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { PasswordHasher } from './password-hasher';

/** User accounts; for now the bootstrap of the admin account. */
@Module({ providers: [PasswordHasher, AdminBootstrapService], exports: [PasswordHasher] })
export class UsersModule {}
