// The sandbox's world as AWS would show it, for "nothing changed" comparisons: GET /_sandbox/state
// without the time model's bookkeeping (write-rate accounting, the id counter, the clock), which
// moves on any EC2 call, describes included, and is not state AWS exposes.
import { controlFetch } from '../../helpers/sandbox';
import type { SandboxHandle } from '../../../electron/sandbox/index';

const BOOKKEEPING = new Set(['changedGiBSinceSnapshot', 'lastSnapshotAccountedAt', 'idCounter', 'now']);

export async function observableState(
  sandbox: Pick<SandboxHandle, 'controlUrl' | 'controlToken'>,
): Promise<string> {
  const answer = await controlFetch(sandbox, 'state');
  const world: unknown = await answer.json();
  return JSON.stringify(world, (key, value: unknown) => (BOOKKEEPING.has(key) ? undefined : value));
}
