export { createApp, IMPORT_MAX_BODY_BYTES, type AppOptions } from './app.js';
export { startServer, type RunningServer, type StartOptions } from './start.js';
export { STATUS_BY_CODE, statusFor } from './errors.js';
export { OPENAPI_DOCUMENT } from './openapi.js';
export type { AccessLogger, AccessRecord } from './access-log.js';
