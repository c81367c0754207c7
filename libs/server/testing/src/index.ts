export * from './swift';
export * from './postgres';
export * from './documented-config';
export * from './oci-image';
export * from './net';
