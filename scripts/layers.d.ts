/** Types for scripts/layers.js (plain JavaScript so eslint.config.js can import it). */
export declare const LAYERS: Record<string, readonly string[]>;
export declare const PURE_LAYERS: readonly string[];
export declare const IO_MODULES: readonly string[];
export declare const KNOWN_CROSSINGS: readonly (readonly [file: string, layer: string])[];
export declare function layerOf(file: string): string | undefined;
export declare function layerViolation(file: string, spec: string): string | undefined;
