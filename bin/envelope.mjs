#!/usr/bin/env node
// `envelope` (npx envelope): the CLI over the same core as the app. It runs the TypeScript
// sources through tsx, so the CLI needs no build step of its own.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
