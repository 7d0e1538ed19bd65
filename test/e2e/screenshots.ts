// Where end-to-end tests write the screenshots the README shows. They go into docs/ only when
// ENVELOPE_UPDATE_SCREENSHOTS=1 is set (`ENVELOPE_UPDATE_SCREENSHOTS=1 npm run test:e2e`), so an
// ordinary `npm test` leaves the git tree clean; otherwise into a temp dir that dispose() removes.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const UPDATE_SCREENSHOTS = process.env.ENVELOPE_UPDATE_SCREENSHOTS === '1';

export interface DocsScreenshots {
  /** The file to write for a path relative to docs/ (e.g. "screens/overview-1440.png"). */
  path(relative: string): string;
  /** Removes the temp dir when the screenshots were not meant for docs/. */
  dispose(): void;
}

export function docsScreenshots(): DocsScreenshots {
  const root = UPDATE_SCREENSHOTS ? 'docs' : mkdtempSync(join(tmpdir(), 'envelope-e2e-shots-'));
  return {
    path(relative) {
      const file = join(root, relative);
      mkdirSync(dirname(file), { recursive: true });
      return file;
    },
    dispose() {
      if (!UPDATE_SCREENSHOTS) rmSync(root, { recursive: true, force: true });
    },
  };
}
