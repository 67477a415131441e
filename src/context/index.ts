export * from './config.js';
export * from './events.js';
export { MobiliseController } from './controller.js';
export { MobiliseProvider } from './provider.js';
