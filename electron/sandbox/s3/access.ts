// S3 authorization: the caller's IAM policies and the bucket policy. Same account: an identity
// allow or a bucket-policy allow suffices; another account: both the bucket policy and the
// caller's IAM must allow. An explicit Deny in either refuses. S3 says only "Access Denied".
import type { CallContext } from '../context';
import {
  awsCaller,
  evaluateIdentityPolicies,
  evaluateResourcePolicy,
  parsePolicy,
  type PolicyRequest,
} from '../policy';
import { identityPoliciesOf } from '../policy/identity';
import type { Bucket } from '../world';
import { accessDenied } from './wire';

export function bucketArn(name: string): string {
  return `arn:aws:s3:::${name}`;
}

// resource: the object's ARN (arn:aws:s3:::bucket/key) for object actions, else the bucket's.
export function isAllowed(ctx: CallContext, action: string, bucket?: Bucket, resourceArn?: string): boolean {
  const request: PolicyRequest = {
    caller: awsCaller(ctx.principalArn),
    action,
    resource: resourceArn ?? (bucket ? bucketArn(bucket.name) : '*'),
    context: { 'aws:PrincipalAccount': ctx.accountId, 'aws:PrincipalArn': ctx.principalArn },
  };
  const identity = evaluateIdentityPolicies(identityPoliciesOf(ctx.world, ctx.principalArn), request);
  if (identity.explicitDeny) return false;
  const parsed = bucket?.policy ? parsePolicy(bucket.policy) : undefined;
  const resource = parsed?.ok ? evaluateResourcePolicy(parsed.policy, request) : {};
  if (resource.explicitDeny) return false;
  const sameAccount = !bucket || bucket.accountId === ctx.accountId;
  const resourceAllows = resource.directAllow !== undefined || resource.accountAllow !== undefined;
  if (sameAccount) return identity.allow !== undefined || resource.directAllow !== undefined;
  return resourceAllows && identity.allow !== undefined;
}

export function authorizeS3(ctx: CallContext, action: string, bucket?: Bucket, resourceArn?: string): void {
  if (!isAllowed(ctx, action, bucket, resourceArn)) throw accessDenied();
}
