// The KMS side of a plan that encrypts with a key through EBS. EBS calls KMS on the caller's behalf
// through EC2 (kms:ViaService = ec2.<region>.amazonaws.com, kms:CallerAccount, and a grant EC2
// makes with kms:GrantIsForAWSResource; KMS developer guide, "How Amazon EBS uses KMS"). A direct
// KMS DryRun carries none of that context, so a key policy that allows the key only through EC2
// refuses the direct probe although the real call would pass. So, per action:
// - the key policy (and grants) alone decide, through EC2: the key-policy analysis answers;
// - the key policy delegates to the account's IAM policies in the same way with and without the
//   EC2 context: a direct DryRun means what it says, and kms:CreateGrant is probed (KMS API
//   reference: CreateGrant accepts DryRun; Decrypt needs a ciphertext and is not probed);
// - otherwise IAM decides and DryRun cannot ask: iam:SimulatePrincipalPolicy with the EC2 context
//   (simulate.ts), labelled a simulation.
import { CreateGrantCommand, ListGrantsCommand } from '@aws-sdk/client-kms';
import type { PreflightRow } from '../../../shared/domain/preflight';
import {
  parsePolicy,
  type KeyAccessDecision,
  type KmsGrantInput,
  type PolicyDocument,
} from '../../../shared/policy';
import { fetchKeyPolicy } from '../kms/key-reference';
import { decideKeyPolicy, delegatedToIam, statementName } from './key-policy-decision';
import type { PreflightContext } from './preflight-context';
import { runProbe } from './run-probe';
import { simulateRow } from './simulate';

export const EBS_KMS_ACTIONS = [
  'kms:CreateGrant',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:Decrypt',
] as const;

async function grantsOf(ctx: PreflightContext, region: string, keyArn: string): Promise<KmsGrantInput[]> {
  try {
    const page = await ctx.kms(region).send(new ListGrantsCommand({ KeyId: keyArn, Limit: 100 }));
    return (page.Grants ?? []).map((g) => ({
      grantId: g.GrantId ?? '',
      granteePrincipal: g.GranteePrincipal ?? '',
      operations: g.Operations ?? [],
    }));
  } catch {
    return [];
  }
}

export async function kmsRows(
  ctx: PreflightContext,
  region: string,
  keyArn: string,
): Promise<PreflightRow[]> {
  let policy: PolicyDocument;
  try {
    const parsed = parsePolicy(await fetchKeyPolicy(ctx.kms(region), keyArn));
    if (!parsed.ok) throw new Error(parsed.message);
    policy = parsed.policy;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return Promise.all(
      EBS_KMS_ACTIONS.map((action) =>
        simulateRow(ctx, action, keyArn, region, `the key policy could not be read (${why})`),
      ),
    );
  }
  const grants = await grantsOf(ctx, region, keyArn);
  const decide = (action: string, viaEc2: boolean): KeyAccessDecision =>
    decideKeyPolicy(ctx, {
      policy,
      grants,
      keyArn,
      action,
      ...(viaEc2 ? { viaService: `ec2.${region}.amazonaws.com` } : {}),
      ...(action === 'kms:CreateGrant' ? { context: { 'kms:GrantIsForAWSResource': viaEc2 } } : {}),
    });
  const rows: PreflightRow[] = [];
  for (const action of EBS_KMS_ACTIONS) {
    const via = decide(action, true);
    const target = `${keyArn} through ec2.${region}.amazonaws.com`;
    if (!delegatedToIam(via)) {
      rows.push({
        call: action,
        target,
        method: 'key-policy-analysis',
        result: via.allowed ? 'allowed' : 'denied',
        reason: via.allowed
          ? `the key policy allows it through EC2 (${statementName(via)})`
          : `the key policy refuses it through EC2 (${statementName(via)})`,
      });
      continue;
    }
    const direct = decide(action, false);
    const sameAnswer =
      delegatedToIam(direct) &&
      direct.keyPolicyStatement?.statementIndex === via.keyPolicyStatement?.statementIndex;
    if (action === 'kms:CreateGrant' && sameAnswer) {
      rows.push(
        await runProbe(ctx, {
          call: action,
          target: keyArn,
          note: `the key policy (${statementName(via)}) leaves it to your IAM policies with or without EC2, so a direct DryRun answers for EBS too`,
          send: () =>
            ctx.kms(region).send(
              new CreateGrantCommand({
                KeyId: keyArn,
                GranteePrincipal: ctx.callerArn,
                Operations: ['Decrypt'],
                DryRun: true,
              }),
            ),
        }),
      );
      continue;
    }
    rows.push(
      await simulateRow(
        ctx,
        action,
        keyArn,
        region,
        `the key policy (${statementName(via)}) leaves it to your IAM policies, and ${action} cannot be sent with DryRun here`,
      ),
    );
  }
  return rows;
}
