// Failures EC2 decides at request time but shows only when the transitional state ends (a volume
// whose key cannot be used is accepted as 'creating', then goes to 'deleted'; an instance whose
// volumes' key cannot be used goes pending → stopped or terminated). Held beside the world rather
// than in it because AWS exposes nothing of them while the resource is still transitional.
import type { Instance, Volume } from '../world';
import type { KeyFailure } from './key-failures';

export interface InstanceFailure {
  readonly failure: KeyFailure;
  readonly endState: 'stopped' | 'terminated';
}

const volumeFailures = new WeakMap<Volume, KeyFailure>();
const instanceFailures = new WeakMap<Instance, InstanceFailure>();

export function failVolumeWhenCreated(volume: Volume, failure: KeyFailure): void {
  volumeFailures.set(volume, failure);
}

export function takeVolumeFailure(volume: Volume): KeyFailure | undefined {
  const failure = volumeFailures.get(volume);
  volumeFailures.delete(volume);
  return failure;
}

export function failInstanceWhenPendingEnds(instance: Instance, failure: InstanceFailure): void {
  instanceFailures.set(instance, failure);
}

export function takeInstanceFailure(instance: Instance): InstanceFailure | undefined {
  const failure = instanceFailures.get(instance);
  instanceFailures.delete(instance);
  return failure;
}
