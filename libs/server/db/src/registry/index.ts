export * from './repository.repository';
export * from './blob.repository';
export * from './manifest.repository';
export * from './upload.repository';
