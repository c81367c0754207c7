export * from './repository.repository';
export * from './blob.repository';
export * from './manifest.repository';
export * from './tag.repository';
export * from './upload.repository';
export * from './repository.query';
export * from './artifact.query';
