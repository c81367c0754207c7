import { describeDocumentedConfig } from '@berth/testing';
import { workerEnv } from './worker.config';

describeDocumentedConfig('worker', workerEnv);
