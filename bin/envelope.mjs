#!/usr/bin/env node
// `envelope` (npx envelope): the CLI over the same core as the app. It runs the TypeScript
// sources through tsx, so the CLI needs no build step of its own.
import { register } from 'tsx/esm/api';

// The SDK warns on every run under Node 20 that its 2027 releases will need Node 22. The CLI's
// output is read by scripts (--json), so that notice is kept out of it; Electron ships its own
// Node and never sees it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

register();
await import('../electron/cli/main.ts');
