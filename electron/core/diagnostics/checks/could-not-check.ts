// "Could not check": what a check says when a read it needs was not answered (AccessDenied or
// UnauthorizedOperation, an operation the endpoint does not implement, a throttle that outlasted
// the retries). Such a read proves nothing either way, so it is never reported as "refused" and
// never left silent: the finding names the read, the error and what to allow.
import type { CheckId, Finding } from '../../../../shared/domain/diagnostics';
import { makeFinding } from './finding';

export interface UnansweredRead {
  readonly region: string;
  readonly what: string; // 'ebsDefaults', 'IAM simulation for arn:…', 'launch permissions of ami-…'
  readonly code: string;
  readonly message: string;
}

const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'Forbidden',
  'forbidden',
  'access-denied',
]);
const NOT_IMPLEMENTED = new Set([
  'InvalidAction',
  'UnknownOperationException',
  'NotImplemented',
  'UnsupportedOperation',
  'not-implemented',
]);

// The check that needed the read, and the permission (IAM action) behind it.
function owner(what: string): { check: CheckId; subject: string; action?: string } {
  if (what === 'ebsDefaults')
    return {
      check: 'ebs-default',
      subject: 'EBS encryption by default',
      action: 'ec2:GetEbsEncryptionByDefault',
    };
  if (what === 'ebs-default-key')
    return {
      check: 'ebs-default',
      subject: 'the region’s default EBS key',
      action: 'ec2:GetEbsDefaultKmsKeyId',
    };
  if (what.startsWith('default key '))
    return {
      check: 'ebs-default',
      subject: `which key the region’s default EBS key (${what.slice('default key '.length)}) is`,
      action: 'kms:DescribeKey',
    };
  if (what.startsWith('IAM simulation'))
    return {
      check: 'key-policy',
      subject: 'whether your IAM policies let you use the keys and bucket versions',
      action: 'iam:SimulatePrincipalPolicy',
    };
  if (what.startsWith('launch permissions'))
    return {
      check: 'key-policy',
      subject: `who the AMI is shared with (${what.replace(/^launch permissions of /, '')})`,
      action: 'ec2:DescribeImageAttribute',
    };
  if (what === 'keys')
    return { check: 'key-health', subject: 'the region’s KMS keys', action: 'kms:ListKeys' };
  if (what === 'buckets')
    return { check: 's3-prefix', subject: 'the account’s S3 buckets', action: 's3:ListAllMyBuckets' };
  if (what === 'launchTemplates' || what === 'autoScalingGroups')
    return {
      check: 'key-policy',
      subject: `the region’s ${what === 'launchTemplates' ? 'launch templates' : 'Auto Scaling groups'}`,
    };
  return {
    check: 'images-snapshots',
    subject: what === 'inventory' ? 'the region’s inventory' : `the region’s ${what}`,
  };
}

export function reasonOf(read: Pick<UnansweredRead, 'code' | 'message'>): string {
  if (DENIED.has(read.code)) return `access denied (${read.code}: ${read.message})`;
  if (NOT_IMPLEMENTED.has(read.code))
    return `the endpoint does not implement it (${read.code}: ${read.message})`;
  return `${read.code}: ${read.message}`;
}

export function couldNotCheck(read: UnansweredRead): Finding {
  const { check, subject, action } = owner(read.what);
  const why = reasonOf(read);
  return makeFinding(check, read.region, {
    aspect: `could-not-check:${read.what}`,
    severity: 'low',
    title: `Could not check ${subject} in ${read.region}: ${why}`,
    resources: [`${check}/${read.region}`],
    evidence: {
      read: read.what,
      error: read.code,
      message: read.message,
      ...(action ? { permission: action } : {}),
    },
    why: 'This read was not answered, so the checks that need it cannot say whether anything is wrong here. It is not a finding that something is refused, and not a clean bill of health either.',
    fix: {
      text: action
        ? `Allow ${action} to your principal (or use an endpoint that implements it) and run the diagnostics again.`
        : 'Make the read possible and run the diagnostics again.',
    },
  });
}
