export * from './digest';
export * from './reference';
export * from './media-types';
export * from './manifest';
export * from './negotiation';
