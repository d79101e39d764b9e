import path from 'node:path';

export const DEFAULT_DEMO_API_KEY = 'cekura-demo-key';
export const DEFAULT_DATA_DIR = '.data/emulator';

export interface EmulatorOptions {
  /** The one API key the emulator accepts. Default: env `CEKURA_DEMO_API_KEY`, else `cekura-demo-key`. */
  apiKey?: string;
  /** Where state.json and the uploaded files live. Default: env `EMULATOR_DATA_DIR`, else `.data/emulator`. */
  dataDir?: string;
}

export interface ResolvedEmulatorOptions {
  apiKey: string;
  /** As given (relative paths are shown to the user as typed). */
  dataDir: string;
  /** Absolute, resolved against the working directory. */
  dataPath: string;
}

export function resolveEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const apiKey = options.apiKey ?? (process.env.CEKURA_DEMO_API_KEY || DEFAULT_DEMO_API_KEY);
  const dataDir = options.dataDir ?? (process.env.EMULATOR_DATA_DIR || DEFAULT_DATA_DIR);
  return { apiKey, dataDir, dataPath: path.resolve(dataDir) };
}
