export * from './swift';
export * from './postgres';
export * from './documented-config';
export * from './oci-image';
export * from './net';
export * from './dockerd';
export * from './containerd';
export * from './containers-storage';
