#!/usr/bin/env node
// The CLI from its TypeScript sources, through tsx: what `bin/envelope.mjs` falls back to when
// the build (out/cli) is missing or older than the sources, and what the CLI tests run, so they
// always test the sources as they are.
import { register } from 'tsx/esm/api';

// See bin/envelope.mjs.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
await import('../electron/cli/main.ts');
