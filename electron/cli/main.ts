import { buildProgram } from './program';
import { fail } from './output';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  fail(error);
}
