// How EC2 uses a KMS key for EBS, for H2's EC2 handlers (CreateVolume, CopySnapshot, CopyImage,
// RunInstances, StartInstances, AttachVolume, CreateImage) and for Auto Scaling launches.
//
// EC2 acts for the caller through KMS: the requests carry kms:ViaService = ec2.<region>.amazonaws.com
// and kms:CallerAccount = the caller's account, and EBS needs kms:CreateGrant (with
// kms:GrantIsForAWSResource = true), kms:GenerateDataKeyWithoutPlaintext, kms:Decrypt, kms:ReEncrypt*
// and kms:DescribeKey. The key policy (plus IAM when it delegates to the account) or a grant must
// allow each.
//
// What AWS shows when that fails:
// - CreateVolume, CopySnapshot, CopyImage: nothing at the call. The EC2 API reference says of their
//   KmsKeyId that AWS authenticates the key asynchronously and the action "can appear to complete,
//   but eventually fails": the volume goes creating → deleted (kubernetes#48936, aws-sdk-ruby#1222),
//   a snapshot copy goes to 'error' with a StateMessage, the image to 'failed' (ec2/key-failures.ts).
// - Launch (RunInstances, Auto Scaling) whose role cannot use the key, even when the key is enabled:
//   the instance goes pending → terminated with state reason
//   "Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state".
// - StartInstances by a caller that cannot CreateGrant/Decrypt: pending → stopped with state reason
//   "Client.InternalError: Client error on launch" (knowledge-center kms-iam-ec2-permission).
// - ModifyEbsDefaultKmsKeyId checks the key when called (useKeyForEbs).
// EbsKeyFailure carries every form (error, launch state reason) so each EC2 handler shows its own.
import { evaluateKeyAccess, parsePolicy, awsCaller, type Caller, type KeyAccessDecision } from '../policy';
import { AwsError, type CallContext } from '../context';
import type { KmsKey } from '../world';
import { identityPoliciesOf } from '../policy/identity';
import { ensureAwsManagedKey } from './aws-managed';
import { isSymmetricEncryptionKey } from './key-state';
import { resolveKey } from './resolve';

export type EbsKeyPurpose = 'encrypt' | 'decrypt' | 'create-grant';

// The KMS actions EBS needs for each purpose.
export const EBS_ACTIONS: Record<EbsKeyPurpose, readonly string[]> = {
  // New encrypted volume, snapshot copy or AMI copy under this key.
  encrypt: ['kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKeyWithoutPlaintext'],
  // Attach, start or launch from an encrypted volume or snapshot (and re-encrypt from it).
  decrypt: ['kms:DescribeKey', 'kms:CreateGrant', 'kms:Decrypt'],
  'create-grant': ['kms:CreateGrant'],
};

export type EbsKeyFailureKind = 'not-found' | 'invalid-state' | 'unsupported-key' | 'access-denied';

export interface EbsKeyFailure {
  readonly kind: EbsKeyFailureKind;
  readonly key?: KmsKey;
  // The synchronous EC2 error for this failure.
  readonly error: AwsError;
  // The state reason an instance launch records when it fails for this reason.
  readonly launchStateReason: { code: string; message: string };
  // The KMS decision (statement / grant) behind an access-denied failure.
  readonly decision?: KeyAccessDecision;
  readonly action?: string;
}

export type EbsKeyCheck = { ok: true; key: KmsKey } | { ok: false; failure: EbsKeyFailure };

const INVALID_STATE_MESSAGE = 'The KMS key provided is in an incorrect state';

function failure(
  kind: EbsKeyFailureKind,
  error: AwsError,
  extra: Partial<EbsKeyFailure> = {},
): EbsKeyFailure {
  return {
    kind,
    error,
    launchStateReason: {
      code: 'Client.InvalidKMSKey.InvalidState',
      message: `Client.InvalidKMSKey.InvalidState: ${INVALID_STATE_MESSAGE}`,
    },
    ...extra,
  };
}

// The key EBS uses when the request names none: the region's default EBS key if set, else aws/ebs.
function resolveDefaultKey(ctx: CallContext): KmsKey {
  const setting = ctx.world.ebsEncryptionByDefault.get(`${ctx.accountId}/${ctx.region}`);
  if (setting?.kmsKeyId) return resolveKey(ctx, setting.kmsKeyId);
  return ensureAwsManagedKey(ctx, 'ebs');
}

export function resolveEbsKey(ctx: CallContext, keyRef: string | undefined): KmsKey {
  return keyRef ? resolveKey(ctx, keyRef) : resolveDefaultKey(ctx);
}

// Evaluate the key's policy, IAM and grants for `caller` acting through EC2 in ctx's region.
export function evaluateEbsAction(
  ctx: CallContext,
  key: KmsKey,
  caller: Caller,
  action: string,
): KeyAccessDecision {
  const parsed = parsePolicy(key.policy);
  const keyPolicy = parsed.ok ? parsed.policy : { statements: [] };
  const callerAccount = caller.type === 'aws' ? caller.accountId : ctx.accountId;
  return evaluateKeyAccess(
    {
      keyPolicy,
      identityPolicies: caller.type === 'aws' ? identityPoliciesOf(ctx.world, caller.arn) : [],
      grants: key.grants,
    },
    {
      caller,
      action,
      keyArn: key.arn,
      keyAccountId: key.accountId,
      context: {
        'kms:ViaService': `ec2.${ctx.region}.amazonaws.com`,
        'kms:CallerAccount': callerAccount,
        'aws:PrincipalArn': caller.type === 'aws' ? caller.arn : undefined,
        ...(action === 'kms:CreateGrant' ? { 'kms:GrantIsForAWSResource': true } : {}),
      },
    },
  );
}

function accessDeniedMessage(
  principal: string,
  action: string,
  key: KmsKey,
  decision: KeyAccessDecision,
): string {
  const why =
    !decision.allowed && decision.reason === 'explicit-deny'
      ? `with an explicit deny in ${decision.denyStatement?.source === 'identity-policy' ? 'an identity-based' : 'a resource-based'} policy`
      : `because no resource-based policy allows the ${action} action`;
  return `User: ${principal} is not authorized to perform: ${action} on resource: ${key.arn} ${why}`;
}

export function checkKeyForEbs(
  ctx: CallContext,
  keyRef: string | undefined,
  purpose: EbsKeyPurpose,
  caller: Caller = awsCaller(ctx.principalArn),
): EbsKeyCheck {
  let key: KmsKey;
  try {
    key = resolveEbsKey(ctx, keyRef);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return {
      ok: false,
      failure: failure('not-found', new AwsError('InvalidKMSKey.InvalidState', INVALID_STATE_MESSAGE)),
    };
  }
  if (key.state !== 'Enabled') {
    return {
      ok: false,
      failure: failure('invalid-state', new AwsError('InvalidKMSKey.InvalidState', INVALID_STATE_MESSAGE), {
        key,
      }),
    };
  }
  // EBS supports only symmetric encryption keys (AWS: "EBS does not support asymmetric KMS keys").
  if (!isSymmetricEncryptionKey(key)) {
    return {
      ok: false,
      failure: failure(
        'unsupported-key',
        new AwsError(
          'InvalidParameterValue',
          `The KMS key ${key.arn} is not a symmetric encryption key. Amazon EBS supports only symmetric encryption KMS keys.`,
        ),
        { key },
      ),
    };
  }
  const principal = caller.type === 'aws' ? caller.arn : caller.service;
  for (const action of EBS_ACTIONS[purpose]) {
    const decision = evaluateEbsAction(ctx, key, caller, action);
    if (!decision.allowed) {
      const error = new AwsError(
        'KMS.AccessDeniedException',
        accessDeniedMessage(principal, action, key, decision),
      );
      return { ok: false, failure: failure('access-denied', error, { key, decision, action }) };
    }
  }
  return { ok: true, key };
}

// Resolve, check state and spec, and evaluate the policy for the caller; throws the EC2 error.
export function useKeyForEbs(ctx: CallContext, keyRef: string | undefined, purpose: EbsKeyPurpose): KmsKey {
  const check = checkKeyForEbs(ctx, keyRef, purpose);
  if (!check.ok) throw check.failure.error;
  return check.key;
}

// The Auto Scaling service-linked role launching instances for a group: its session acts through
// EC2 like any caller. Its IAM policy (AutoScalingServiceRolePolicy) grants no KMS actions, so only
// the key policy (naming the role, or "*" with conditions as aws/ebs does) or a grant can allow it.
export function autoScalingServiceLinkedRoleArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
}

export function checkKeyForAutoScaling(
  ctx: CallContext,
  keyRef: string | undefined,
  serviceLinkedRoleArn?: string,
): EbsKeyCheck {
  const roleArn = serviceLinkedRoleArn ?? autoScalingServiceLinkedRoleArn(ctx.accountId);
  const sessionArn = `arn:aws:sts::${ctx.accountId}:assumed-role/${roleArn.split('/').pop() ?? 'AWSServiceRoleForAutoScaling'}/AutoScaling`;
  return checkKeyForEbs(ctx, keyRef, 'decrypt', awsCaller(sessionArn));
}
