// A sandbox in its own process for the benchmarks, so that the sandbox's work does not share the
// measured process's event loop. Prints one JSON line {endpoint, credentials} and runs until killed.
import { startSandbox, type StartSandboxOptions } from '../../electron/sandbox/index';

const options = JSON.parse(process.argv[2] ?? '{}') as StartSandboxOptions;
const sandbox = await startSandbox(options);
process.stdout.write(`${JSON.stringify({ endpoint: sandbox.endpoint, credentials: sandbox.credentials })}\n`);
process.on('SIGTERM', () => {
  void sandbox.close().finally(() => process.exit(0));
});
