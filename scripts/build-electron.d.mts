// Types of scripts/build-electron.mjs for the tests that call it.
export declare const MAIN_EXTERNALS: string[];
export declare function buildElectron(options?: { quiet?: boolean; outDir?: string }): Promise<{ main: unknown; preload: unknown }>;
