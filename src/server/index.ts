export { createApp, IMPORT_MAX_BODY_BYTES, type AppOptions } from './app.js';
export { ExposureRefused, startServer, type RunningServer, type StartOptions } from './start.js';
export { isLoopbackAddress, parseAllowedHost } from './exposure.js';
export { STATUS_BY_CODE, statusFor } from './errors.js';
export { OPENAPI_DOCUMENT } from './openapi.js';
export type { AccessLogger, AccessRecord } from './access-log.js';
