// Encryption by default and the region's default EBS key (per account and region), answering in
// the forms the AWS CLI command reference's examples show:
// - get-ebs-default-kms-key-id: `{"KmsKeyId": "alias/aws/ebs"}` while the default is the AWS
//   managed key, and the key ARN of a customer key once one was chosen;
// - modify-ebs-default-kms-key-id --kms-key-id alias/my-cmk: the key's ARN;
// - reset-ebs-default-kms-key-id: a key ARN, the AWS managed key's (created if it was not yet).
// The API reference calls the member "the ARN of the default KMS key", so a client must accept both
// an alias name and a key ARN (the app resolves either through KMS).
import type { CallContext, QueryHandler } from '../context';
import { ensureAwsManagedKey } from '../kms/aws-managed';
import { requireParam } from '../protocol/query-params';
import { ebsDefaults } from './ebs-encryption';
import { useKeyForEbs } from './kms-port';
import { regionKey } from './scope';

function save(ctx: CallContext, next: { enabled: boolean; kmsKeyId?: string }): void {
  ctx.world.ebsEncryptionByDefault.set(regionKey(ctx), next);
}

// The AWS CLI example's answer while no customer key was chosen.
const AWS_MANAGED_DEFAULT = 'alias/aws/ebs';

export const getEbsEncryptionByDefault: QueryHandler = (ctx) => ({
  ebsEncryptionByDefault: ebsDefaults(ctx).enabled,
  sseType: 'sse-ebs',
});

export const enableEbsEncryptionByDefault: QueryHandler = (ctx) => {
  save(ctx, { ...ebsDefaults(ctx), enabled: true });
  return { ebsEncryptionByDefault: true };
};

export const disableEbsEncryptionByDefault: QueryHandler = (ctx) => {
  save(ctx, { ...ebsDefaults(ctx), enabled: false });
  return { ebsEncryptionByDefault: false };
};

export const getEbsDefaultKmsKeyId: QueryHandler = (ctx) => ({
  kmsKeyId: ebsDefaults(ctx).kmsKeyId ?? AWS_MANAGED_DEFAULT,
});

export const modifyEbsDefaultKmsKeyId: QueryHandler = (ctx, params) => {
  const key = useKeyForEbs(ctx, requireParam(params, 'KmsKeyId'), 'encrypt');
  save(ctx, { ...ebsDefaults(ctx), kmsKeyId: key.arn });
  return { kmsKeyId: key.arn };
};

export const resetEbsDefaultKmsKeyId: QueryHandler = (ctx) => {
  const { enabled } = ebsDefaults(ctx);
  save(ctx, { enabled });
  return { kmsKeyId: ensureAwsManagedKey(ctx, 'ebs').arn };
};
