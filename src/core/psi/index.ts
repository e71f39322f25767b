export * from './exchange';
export * from './group';
export * from './steps';
export * from './members';
