// The reads the checks need beyond the inventory, for one region: key references resolved through
// KMS (every form to one ARN), key policies and grants, AMI launch permissions, and the caller's
// IAM decisions (SimulatePrincipalPolicy). A read that fails is recorded, not fatal: the check that
// needed it says less.
import { DescribeImageAttributeCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { paginateListGrants, type KMSClient } from '@aws-sdk/client-kms';
import { paginateSimulatePrincipalPolicy, type IAMClient } from '@aws-sdk/client-iam';
import type { IntendedKeys } from '../../../shared/domain/diagnostics';
import type { RegionInventory } from '../../../shared/domain/inventory';
import { keyArnOf, keyIndex } from '../../../shared/kms/key-reference';
import { isRootArn, type KmsGrantInput } from '../../../shared/policy';
import { toApiError } from '../errors/to-api-error';
import { mapLimit } from '../inventory/concurrency';
import { fetchKeyPolicy, resolveKeyReference } from '../kms/key-reference';
import type { CheckInput, Resolution, SimDecision } from './check-input';
import { simKey } from './check-input';
import { examinedKey } from './checks/key-policy';
import { matchingBuckets, VERSION_ACTIONS, versionResource } from './checks/s3-prefix';
import { EBS_USE_ACTIONS, iamPrincipalOf } from './policy-gaps';

export interface GatherClients {
  readonly ec2: EC2Client;
  readonly kms: KMSClient;
  readonly iam: IAMClient;
}

export interface GatherInput {
  readonly account: string;
  readonly callerArn: string;
  readonly inventory: RegionInventory;
  readonly intended: IntendedKeys;
  readonly bucketPrefixes: readonly string[];
  readonly repeatWindowHours: number;
  readonly clients: GatherClients;
  readonly signal?: AbortSignal;
}

export interface GatherError {
  readonly region: string;
  readonly what: string;
  readonly code: string;
  readonly message: string;
}

const CONCURRENCY = 4;

function referencesOf(inv: RegionInventory, intended: IntendedKeys, prefixes: readonly string[]): string[] {
  const refs = [
    intended.ebsKey,
    intended.s3Key,
    inv.ebsDefaults?.defaultKmsKeyId,
    ...matchingBuckets({ inventory: inv, bucketPrefixes: prefixes }).map((b) => b.encryption?.kmsKeyId),
    ...inv.launchTemplates.flatMap((lt) => lt.blockDevices.map((d) => d.kmsKeyId)),
  ];
  return [...new Set(refs.filter((r): r is string => typeof r === 'string' && r !== ''))];
}

async function grantsOf(kms: KMSClient, keyArn: string): Promise<KmsGrantInput[]> {
  const grants: KmsGrantInput[] = [];
  for await (const page of paginateListGrants({ client: kms, pageSize: 100 }, { KeyId: keyArn })) {
    for (const g of page.Grants ?? []) {
      if (!g.GrantId || !g.GranteePrincipal) continue;
      const c = g.Constraints;
      grants.push({
        grantId: g.GrantId,
        granteePrincipal: g.GranteePrincipal,
        operations: g.Operations ?? [],
        ...(c?.EncryptionContextSubset || c?.EncryptionContextEquals
          ? {
              constraints: {
                ...(c.EncryptionContextSubset ? { encryptionContextSubset: c.EncryptionContextSubset } : {}),
                ...(c.EncryptionContextEquals ? { encryptionContextEquals: c.EncryptionContextEquals } : {}),
              },
            }
          : {}),
      });
    }
  }
  return grants;
}

async function simulate(
  iam: IAMClient,
  principal: string,
  actions: readonly string[],
  resources: readonly string[],
  into: Map<string, SimDecision>,
): Promise<void> {
  if (actions.length === 0 || resources.length === 0) return;
  const input = { PolicySourceArn: principal, ActionNames: [...actions], ResourceArns: [...resources] };
  for await (const page of paginateSimulatePrincipalPolicy({ client: iam, pageSize: 1000 }, input)) {
    for (const r of page.EvaluationResults ?? []) {
      if (r.EvalActionName && r.EvalResourceName)
        into.set(simKey(r.EvalActionName, r.EvalResourceName), r.EvalDecision ?? 'unknown');
    }
  }
}

export async function gather(input: GatherInput): Promise<{ check: CheckInput; errors: GatherError[] }> {
  const { inventory: inv, clients, account, signal } = input;
  const region = inv.region;
  const errors: GatherError[] = [];
  const record = (what: string, error: unknown) => {
    const e = toApiError(error);
    errors.push({ region, what, code: e.code, message: e.message });
  };

  const resolutions = new Map<string, Resolution>();
  await mapLimit(
    referencesOf(inv, input.intended, input.bucketPrefixes),
    CONCURRENCY,
    async (ref) => {
      try {
        const key = await resolveKeyReference(ref, { region, account }, clients.kms);
        resolutions.set(ref, { ok: true, arn: key.arn });
      } catch (error) {
        const e = toApiError(error);
        resolutions.set(ref, { ok: false, code: e.code, message: e.message });
      }
    },
    signal,
  );

  const sharedImages = inv.images.filter((i) => i.owned && i.blockDevices.some((d) => d.encrypted));
  const launchPermissions = new Map<string, string[]>();
  await mapLimit(
    sharedImages,
    CONCURRENCY,
    async (image) => {
      try {
        const answer = await clients.ec2.send(
          new DescribeImageAttributeCommand({ ImageId: image.id, Attribute: 'launchPermission' }),
        );
        const ids = (answer.LaunchPermissions ?? []).flatMap((p) => (p.UserId ? [p.UserId] : []));
        if (ids.length > 0) launchPermissions.set(image.id, ids);
      } catch (error) {
        record(`launch permissions of ${image.id}`, error);
      }
    },
    signal,
  );

  // The keys of shared images (their snapshots' keys, in any form) by the key each names.
  const index = keyIndex(inv.keys);
  const sharedKeyArns = new Set(
    sharedImages
      .filter((i) => launchPermissions.has(i.id))
      .flatMap((i) => i.blockDevices.map((d) => keyArnOf(index, d.kmsKeyId, { region }) ?? '')),
  );
  const keys = inv.keys.filter((k) => examinedKey(k) || sharedKeyArns.has(k.arn));
  const keyPolicies = new Map<string, { text: string } | { error: string }>();
  const grants = new Map<string, KmsGrantInput[]>();
  await mapLimit(
    keys,
    CONCURRENCY,
    async (key) => {
      try {
        keyPolicies.set(key.arn, { text: await fetchKeyPolicy(clients.kms, key.arn) });
        grants.set(key.arn, await grantsOf(clients.kms, key.arn));
      } catch (error) {
        const e = toApiError(error);
        keyPolicies.set(key.arn, { error: `${e.code}: ${e.message}` });
      }
    },
    signal,
  );

  const callerSimulation = new Map<string, SimDecision>();
  const versioned = matchingBuckets({ inventory: inv, bucketPrefixes: input.bucketPrefixes }).filter(
    (b) => b.versioning === 'Enabled',
  );
  const kmsActions = [...EBS_USE_ACTIONS, 'kms:CreateGrant'];
  const examined = keys.filter(examinedKey).map((k) => k.arn);
  if (isRootArn(input.callerArn)) {
    // The root user holds every permission of its account; IAM cannot simulate it.
    for (const arn of examined) for (const a of kmsActions) callerSimulation.set(simKey(a, arn), 'allowed');
    for (const b of versioned)
      for (const a of VERSION_ACTIONS) callerSimulation.set(simKey(a, versionResource(b.name, a)), 'allowed');
  } else {
    const principal = iamPrincipalOf(input.callerArn);
    try {
      await simulate(clients.iam, principal, kmsActions, examined, callerSimulation);
      for (const b of versioned) {
        for (const a of VERSION_ACTIONS)
          await simulate(clients.iam, principal, [a], [versionResource(b.name, a)], callerSimulation);
      }
    } catch (error) {
      record(`IAM simulation for ${principal}`, error);
    }
  }

  return {
    check: {
      account,
      callerArn: input.callerArn,
      region,
      inventory: inv,
      intended: input.intended,
      bucketPrefixes: input.bucketPrefixes,
      repeatWindowHours: input.repeatWindowHours,
      resolutions,
      keyPolicies,
      grants,
      launchPermissions,
      callerSimulation,
    },
    errors,
  };
}
