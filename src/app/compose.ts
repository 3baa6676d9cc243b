/**
 * The composition root: the one place that names the adapters (bundled data, stores, HiGHS).
 * Hosts (CLI, server) take their dependencies from here and pass them to the use cases.
 */
export { openStore, type StoreLocation } from '../store/open-store.js';
export { bundledFoods, foodCatalog } from './food-catalog.js';
export { inProcessSolver, workerPool, workerSolver, type SolverPool } from './solvers.js';
export { importFdcCsv, type FdcProgress } from '../data/fdc-csv-import.js';
