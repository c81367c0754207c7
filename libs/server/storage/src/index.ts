export * from './blob-driver';
export * from './layout';
export * from './range';
export * from './filesystem.driver';
export * from './s3.driver';
export * from './create-blob-driver';
export * from './upload-hash-cache';
export * from './file-blob-stream';
