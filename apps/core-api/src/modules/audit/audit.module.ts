import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The audit log: the writer every module uses, and (soon) its API and retention. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
