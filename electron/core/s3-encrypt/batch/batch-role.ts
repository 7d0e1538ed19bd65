// The IAM role S3 assumes to run the job, written out and checked (S3 user guide, "Granting
// permissions for Batch Operations": the trust policy lets batchoperations.s3.amazonaws.com call
// sts:AssumeRole; the copy's permissions policy allows reading the source objects and listing the
// bucket, writing the copies and the report; the objects' KMS keys need kms:Decrypt and
// kms:GenerateDataKey, "Copying objects using S3 Batch Operations"). The check reads the role's
// trust policy (iam:GetRole) and simulates its permissions (iam:SimulatePrincipalPolicy); a
// caller who may do neither gets the policies and an explanation instead of a verdict.
import {
  GetRoleCommand,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { S3EncryptPlanView } from '../../../../shared/domain/s3-encrypt';

export const BATCH_SERVICE_PRINCIPAL = 'batchoperations.s3.amazonaws.com';

export interface BatchRoleNeeds {
  readonly bucket: string;
  readonly reportBucket: string;
  readonly kmsKeyArn: string;
  // Keys the objects are under now (SSE-KMS under another key): the copy decrypts with them.
  readonly sourceKeyArns?: readonly string[];
}

export type BatchRoleView = NonNullable<S3EncryptPlanView['batchRole']>;

export function batchTrustPolicy(): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: BATCH_SERVICE_PRINCIPAL }, Action: 'sts:AssumeRole' },
      ],
    },
    null,
    2,
  );
}

interface Need {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly why: string;
}

function needs(n: BatchRoleNeeds): Need[] {
  const bucket = `arn:aws:s3:::${n.bucket}`;
  return [
    { actions: ['s3:ListBucket'], resources: [bucket], why: 'list the bucket for the generated manifest' },
    {
      actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging', 's3:GetObjectAcl'],
      resources: [`${bucket}/*`],
      why: 'read each object, its tags and ACL',
    },
    {
      actions: ['s3:PutObject', 's3:PutObjectTagging', 's3:PutObjectAcl'],
      resources: [`${bucket}/*`],
      why: 'write each copy with its tags and ACL',
    },
    {
      actions: ['s3:PutObject'],
      resources: [`arn:aws:s3:::${n.reportBucket}/*`],
      why: 'write the completion report',
    },
    {
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [n.kmsKeyArn, ...(n.sourceKeyArns ?? [])],
      why: 'encrypt the copies under the key (and decrypt objects under another key)',
    },
  ];
}

export function batchPermissionsPolicy(n: BatchRoleNeeds): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: needs(n).map((need) => ({
        Effect: 'Allow',
        Action: need.actions.length === 1 ? need.actions[0] : need.actions,
        Resource: need.resources.length === 1 ? need.resources[0] : need.resources,
      })),
    },
    null,
    2,
  );
}

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

// Whether a trust policy lets S3 Batch Operations assume the role (an Allow for the service
// principal and sts:AssumeRole, and no Deny of it).
export function trustsBatchOperations(document: string): boolean {
  let policy: { Statement?: unknown };
  try {
    policy = JSON.parse(document) as { Statement?: unknown };
  } catch {
    return false;
  }
  const matches = (statement: Record<string, unknown>): boolean => {
    const principal = statement.Principal as { Service?: unknown } | string | undefined;
    const services = typeof principal === 'string' ? [principal] : asList(principal?.Service);
    const actions = asList(statement.Action);
    return (
      services.some((s) => s === BATCH_SERVICE_PRINCIPAL || s === '*') &&
      actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')
    );
  };
  const statements = asList(policy.Statement) as Record<string, unknown>[];
  if (statements.some((s) => s.Effect === 'Deny' && matches(s))) return false;
  return statements.some((s) => s.Effect === 'Allow' && matches(s));
}

function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

const errorName = (error: unknown): string => (error as { name?: string }).name ?? '';

// The plan view's batchRole: the role's verdict, in words, with both policies to attach.
export async function checkBatchRole(
  iam: IAMClient,
  roleArn: string | undefined,
  n: BatchRoleNeeds,
): Promise<BatchRoleView> {
  const policies = { trustPolicy: batchTrustPolicy(), permissionsPolicy: batchPermissionsPolicy(n) };
  const create = `Create a role with the trust policy below (it lets ${BATCH_SERVICE_PRINCIPAL} assume it) and attach the permissions policy below.`;
  if (!roleArn)
    return {
      status: 'missing',
      explanation: `No role was chosen for S3 Batch Operations. ${create}`,
      ...policies,
    };
  let trust: string;
  try {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: roleName(roleArn) }));
    trust = decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '');
  } catch (error) {
    if (errorName(error) === 'NoSuchEntityException' || errorName(error) === 'NoSuchEntity')
      return {
        arn: roleArn,
        status: 'missing',
        explanation: `Role ${roleArn} does not exist. ${create}`,
        ...policies,
      };
    return {
      arn: roleArn,
      status: 'unchecked',
      explanation: `Role ${roleArn} could not be read (iam:GetRole was refused), so it was not checked: make sure its trust and permissions policies include the ones below.`,
      ...policies,
    };
  }
  if (!trustsBatchOperations(trust))
    return {
      arn: roleArn,
      status: 'lacks-permissions',
      explanation: `Role ${roleArn} does not let ${BATCH_SERVICE_PRINCIPAL} assume it: replace its trust policy with the one below.`,
      ...policies,
    };
  const denied: string[] = [];
  try {
    for (const need of needs(n)) {
      const { EvaluationResults = [] } = await iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: roleArn,
          ActionNames: [...need.actions],
          ResourceArns: [...need.resources],
        }),
      );
      const refused = EvaluationResults.filter((r: EvaluationResult) => r.EvalDecision !== 'allowed');
      if (refused.length > 0)
        denied.push(`${[...new Set(refused.map((r) => r.EvalActionName))].join(', ')} (to ${need.why})`);
    }
  } catch {
    return {
      arn: roleArn,
      status: 'unchecked',
      explanation: `Role ${roleArn} trusts S3 Batch Operations; its permissions could not be simulated (iam:SimulatePrincipalPolicy was refused): make sure they include the policy below.`,
      ...policies,
    };
  }
  if (denied.length > 0)
    return {
      arn: roleArn,
      status: 'lacks-permissions',
      explanation: `Role ${roleArn} may not ${denied.join('; ')}: attach the permissions policy below.`,
      ...policies,
    };
  return {
    arn: roleArn,
    status: 'ok',
    explanation: `Role ${roleArn} trusts S3 Batch Operations and has the permissions the job needs.`,
    ...policies,
  };
}
