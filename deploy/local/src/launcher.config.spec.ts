import { describeDocumentedConfig } from '@berth/testing';
import { launcherEnv } from './launcher.config';

describeDocumentedConfig('launcher', launcherEnv);
