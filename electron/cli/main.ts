import { buildProgram } from './program';

try {
  await (await buildProgram(process.argv)).parseAsync(process.argv);
} catch (error) {
  // Loaded on failure only: output.ts brings in core's logger, which `--help` does not need.
  const { fail } = await import('./output');
  fail(error);
}
