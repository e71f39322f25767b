export * from './exchange';
export * from './scalar';
export * from './steps';
export * from './members';
