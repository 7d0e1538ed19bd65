// Types for scripts/check-lockfile.mjs, so TypeScript tests import it checked.
export function lockfileProblems(pkg: unknown, lock: unknown): string[];
export function checkLockfile(dir: string): string[];
