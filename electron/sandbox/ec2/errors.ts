// EC2's error codes and messages, worded as EC2 words them (checked against AWS docs, SDK models
// and error reports quoting the real service). One place, so handlers read as the API does.
import { AwsError } from '../context';

export const volumeNotFound = (id: string): AwsError =>
  new AwsError('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);
export const snapshotNotFound = (id: string): AwsError =>
  new AwsError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
export const imageNotFound = (id: string): AwsError =>
  new AwsError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);
export const instanceNotFound = (id: string): AwsError =>
  new AwsError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);

const ID_SHAPES: Record<string, { prefix: string; code: string }> = {
  volume: { prefix: 'vol', code: 'InvalidVolumeID.Malformed' },
  snapshot: { prefix: 'snap', code: 'InvalidSnapshotID.Malformed' },
  image: { prefix: 'ami', code: 'InvalidAMIID.Malformed' },
  instance: { prefix: 'i', code: 'InvalidInstanceID.Malformed' },
};

// EC2 ids are the prefix plus 8 (older) or 17 hex digits; anything else is Malformed.
export function checkIdShape(kind: keyof typeof ID_SHAPES, id: string): void {
  const shape = ID_SHAPES[kind];
  if (!shape) return;
  if (!new RegExp(`^${shape.prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(id)) {
    throw new AwsError(shape.code, `Invalid id: "${id}" (expecting "${shape.prefix}-...")`);
  }
}

export const idsWithMaxResults = (setName: string): AwsError =>
  new AwsError(
    'InvalidParameterCombination',
    `The parameter ${setName} cannot be used with the parameter maxResults`,
  );

export const kmsKeyIdNeedsEncrypted = (): AwsError =>
  new AwsError(
    'InvalidParameterDependency',
    'The parameter KmsKeyId requires the parameter Encrypted to be set.',
  );

export const dryRunSucceeded = (): AwsError =>
  new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);

export const invalidParameterValue = (message: string): AwsError =>
  new AwsError('InvalidParameterValue', message);

export const missingParameter = (name: string): AwsError =>
  new AwsError('MissingParameter', `The request must contain the parameter ${name}`);
