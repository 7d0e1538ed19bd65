// GetKeyRotationStatus, EnableKeyRotation, DisableKeyRotation, ListResourceTags.
import { AwsError, type JsonHandler } from '../context';
import type { KmsKey } from '../world';
import { authorizeKeyAction } from './authorize';
import { assertUsable, isSymmetricEncryptionKey } from './key-state';
import { optionalInteger, requiredString } from './input';
import { kmsPage } from './page';
import { resolveKeyIdOrArn } from './resolve';

// Automatic rotation exists only for symmetric encryption keys with KMS key material.
function assertRotatable(key: KmsKey): void {
  if (!isSymmetricEncryptionKey(key) || key.origin !== 'AWS_KMS') {
    throw new AwsError(
      'UnsupportedOperationException',
      `${key.arn} key type is not supported for this operation.`,
    );
  }
}

export const getKeyRotationStatus: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  authorizeKeyAction(ctx, key, 'kms:GetKeyRotationStatus');
  assertRotatable(key);
  return {
    KeyRotationEnabled: key.rotationEnabled,
    KeyId: key.arn,
    // AWS managed keys rotate every year; customer keys default to 365 days too.
    ...(key.rotationEnabled ? { RotationPeriodInDays: 365 } : {}),
  };
};

function setRotation(enabled: boolean): JsonHandler {
  return (ctx, body) => {
    const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
    if (enabled) optionalInteger(body, 'RotationPeriodInDays', 90, 2560);
    authorizeKeyAction(ctx, key, enabled ? 'kms:EnableKeyRotation' : 'kms:DisableKeyRotation');
    assertUsable(key);
    assertRotatable(key);
    key.rotationEnabled = enabled;
    return {};
  };
}

export const enableKeyRotation = setRotation(true);
export const disableKeyRotation = setRotation(false);

export const listResourceTags: JsonHandler = (ctx, body) => {
  const key = resolveKeyIdOrArn(ctx, requiredString(body, 'KeyId'));
  authorizeKeyAction(ctx, key, 'kms:ListResourceTags');
  const { items, ...page } = kmsPage(body, key.tags, `ListResourceTags:${key.arn}`);
  return { Tags: items, ...page };
};
