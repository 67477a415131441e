import './config.js';
export * from './enums.js';
export * from './module.js';
export * from './session.js';
export * from './signup.js';
export * from './problem.js';
export * from './text.js';
export * from './api.js';
export * from './ics.js';
