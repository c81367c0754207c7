import { describeDocumentedConfig } from '@berth/testing';
import { coreApiEnv } from './core-api.config';

describeDocumentedConfig('core-api', coreApiEnv);
