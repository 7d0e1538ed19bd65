// How every CLI test starts the CLI: `node bin/envelope-dev.mjs …`, the sources through tsx, so a
// test never runs a stale build. The build itself (out/cli, what `bin/envelope.mjs` runs) is
// checked by test/cli/built-cli.test.ts.
import { fileURLToPath } from 'node:url';

export const envelopeEntry = fileURLToPath(new URL('../../bin/envelope-dev.mjs', import.meta.url));
