import { describeDocumentedConfig } from '@berth/testing';
import { registryConfigSchema } from './registry.config';

describeDocumentedConfig('registry', registryConfigSchema);
