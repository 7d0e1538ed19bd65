// Encryption by default and the region's default EBS key (per account and region).
// GetEbsDefaultKmsKeyId answers the alias ARN of aws/ebs until a customer key is chosen;
// ModifyEbsDefaultKmsKeyId accepts any key reference and stores the key's ARN.
import type { CallContext, QueryHandler } from '../context';
import { kmsAliasArn } from '../kms/factory';
import { requireParam } from '../protocol/query-params';
import { ebsDefaults } from './ebs-encryption';
import { useKeyForEbs } from './kms-port';
import { regionKey } from './scope';

function save(ctx: CallContext, next: { enabled: boolean; kmsKeyId?: string }): void {
  ctx.world.ebsEncryptionByDefault.set(regionKey(ctx), next);
}

function defaultKeyId(ctx: CallContext): string {
  return ebsDefaults(ctx).kmsKeyId ?? kmsAliasArn(ctx.accountId, ctx.region, 'alias/aws/ebs');
}

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

export const getEbsDefaultKmsKeyId: QueryHandler = (ctx) => ({ kmsKeyId: defaultKeyId(ctx) });

export const modifyEbsDefaultKmsKeyId: QueryHandler = (ctx, params) => {
  const key = useKeyForEbs(ctx, requireParam(params, 'KmsKeyId'), 'encrypt');
  save(ctx, { ...ebsDefaults(ctx), kmsKeyId: key.arn });
  return { kmsKeyId: key.arn };
};

export const resetEbsDefaultKmsKeyId: QueryHandler = (ctx) => {
  const { enabled } = ebsDefaults(ctx);
  save(ctx, { enabled });
  return { kmsKeyId: defaultKeyId(ctx) };
};
