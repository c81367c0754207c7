export * from './keys';
export * from './scope';
export * from './token';
