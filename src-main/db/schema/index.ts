export * from './providers';
export * from './usage';
export * from './admin';
export * from './drafting';
export * from './compliance';
export * from './health';
export * from './users';
