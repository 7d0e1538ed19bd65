// The region's EBS encryption-by-default settings: whether it is on, and the default key. The two
// are separate calls and separate permissions (ec2:GetEbsEncryptionByDefault,
// ec2:GetEbsDefaultKmsKeyId), so a caller allowed one and refused the other, or an endpoint that
// implements one, still gets what it could read: encryption by default stays known when the
// default key is not, and the key's error is kept for the diagnostics ("could not check").
// GetEbsDefaultKmsKeyId answers `alias/aws/ebs` while no key was chosen and a key ARN otherwise
// (AWS CLI command reference, get-ebs-default-kms-key-id examples); the answer is kept as given and
// resolved to a key ARN through KMS where it is compared (diagnostics/gather.ts).
import {
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { EbsDefaults } from '../../../shared/domain/inventory';
import { toApiError } from '../errors/to-api-error';
import { isOfflineError } from './offline';

export async function fetchEbsDefaults(client: EC2Client): Promise<EbsDefaults> {
  const [byDefault, defaultKey] = await Promise.allSettled([
    client.send(new GetEbsEncryptionByDefaultCommand({})),
    client.send(new GetEbsDefaultKmsKeyIdCommand({})),
  ]);
  // Without the on/off answer there is nothing to keep; offline means the whole region is.
  if (byDefault.status === 'rejected') throw byDefault.reason;
  const encryptionByDefault = byDefault.value.EbsEncryptionByDefault ?? false;
  if (defaultKey.status === 'rejected') {
    if (isOfflineError(defaultKey.reason)) throw defaultKey.reason;
    const { code, message } = toApiError(defaultKey.reason);
    return { encryptionByDefault, defaultKmsKeyError: { code, message } };
  }
  return { encryptionByDefault, defaultKmsKeyId: defaultKey.value.KmsKeyId ?? 'alias/aws/ebs' };
}
