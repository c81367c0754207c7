export * from './vocabulary';
export * from './matrix';
