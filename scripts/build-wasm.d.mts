/** The module's bytes, compiled from `source` (the text of a .wat with SIMD). */
export function compileWat(source: string, name?: string): Promise<Uint8Array>;
/** The TypeScript module holding `bytes`. */
export function moduleText(bytes: Uint8Array): string;
