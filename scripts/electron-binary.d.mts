// Types for scripts/electron-binary.mjs, so TypeScript tests and the smoke test import it checked.
export const DEFAULT_FETCH_TIMEOUT_MS: number;
export function electronBinaryPath(packageDir?: string): string | undefined;
export function ensureElectronBinary(options?: {
  timeoutMs?: number;
  log?: (line: string) => void;
}): Promise<{ ok: true; path: string } | { ok: false; reason: string }>;
