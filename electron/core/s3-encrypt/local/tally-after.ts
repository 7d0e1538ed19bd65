// The encryption tally after a local run, from the run's own outcomes rather than a second read
// of every object: each copy S3 accepted was written with SSE-KMS under the plan's key (CopyObject
// and CompleteMultipartUpload answer with the encryption they applied), so it moves from the
// encryption the plan listed it under to 'kms-target'. Reading the bucket again would double the
// requests of the run (P5: 100,000 objects).
import type { EncryptionTally, PlannedObject } from '../../../../shared/domain/s3-encrypt';
import type { LocalRunState } from './run-state';

export function tallyAfterRun(
  planned: readonly EncryptionTally[],
  objects: readonly PlannedObject[],
  state: LocalRunState,
): EncryptionTally[] {
  const tallies = new Map(planned.map((t) => [t.encryption, { ...t }]));
  const bucketOf = (encryption: EncryptionTally['encryption']): EncryptionTally => {
    let tally = tallies.get(encryption);
    if (!tally) tallies.set(encryption, (tally = { encryption, objects: 0, bytes: 0 }));
    return tally;
  };
  state.outcomes.forEach((outcome, i) => {
    const object = objects[i];
    if (outcome.state !== 'done' || !object || object.encryption === 'kms-target') return;
    const from = bucketOf(object.encryption);
    const to = bucketOf('kms-target');
    from.objects = Math.max(0, from.objects - 1);
    from.bytes = Math.max(0, from.bytes - object.size);
    to.objects += 1;
    to.bytes += object.size;
  });
  return [...tallies.values()].filter((t) => t.objects > 0);
}
