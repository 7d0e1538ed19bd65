// The world as JSON-ready data for GET /_sandbox/state: Maps become arrays, and every secret
// (secret access keys, session tokens, SSO client secrets and tokens) is left out.
import { jobsOf } from './s3control/job-model';
import type { SandboxWorld } from './world';

export function dumpWorld(world: SandboxWorld): Record<string, unknown> {
  return {
    scenario: world.scenario,
    partition: world.partition,
    defaultAccountId: world.defaultAccountId,
    regions: world.regions,
    availabilityZones: world.availabilityZones,
    instances: [...world.instances.values()],
    volumes: [...world.volumes.values()],
    snapshots: [...world.snapshots.values()],
    images: [...world.images.values()],
    launchTemplates: [...world.launchTemplates.values()],
    autoScalingGroups: [...world.autoScalingGroups.values()],
    ebsEncryptionByDefault: Object.fromEntries(world.ebsEncryptionByDefault),
    kmsKeys: [...world.kmsKeys.values()],
    kmsAliases: [...world.kmsAliases.values()],
    buckets: [...world.buckets.values()],
    principals: [...world.principals.values()],
    // S3 Batch Operations jobs in brief (their tasks' results are in the completion reports).
    s3BatchJobs: [...jobsOf(world).values()].map((j) => ({
      jobId: j.jobId,
      status: j.status,
      roleArn: j.roleArn,
      tasks: j.tasks?.length ?? null,
      succeeded: j.results.filter((r) => r.succeeded).length,
      failed: j.results.filter((r) => !r.succeeded).length,
      failureReasons: j.failureReasons,
    })),
    accessKeys: [...world.accessKeys.values()].map((k) => ({
      accessKeyId: k.accessKeyId,
      principalArn: k.principalArn,
      temporary: k.sessionToken !== undefined,
      ...(k.expiresAt === undefined ? {} : { expiresAt: k.expiresAt }),
    })),
    sso: {
      startUrl: world.sso.startUrl,
      region: world.sso.region,
      approveAfterMs: world.sso.approveAfterMs,
      accounts: world.sso.accounts,
      clients: [...world.sso.clients.values()].map((c) => ({
        clientId: c.clientId,
        clientName: c.clientName,
        expiresAt: c.expiresAt,
      })),
      deviceAuthorizations: [...world.sso.deviceAuthorizations.values()].map((d) => ({
        userCode: d.userCode,
        clientId: d.clientId,
        status: d.status,
        expiresAt: d.expiresAt,
      })),
      tokens: [...world.sso.tokens.values()].map((t) => ({ clientId: t.clientId, expiresAt: t.expiresAt })),
    },
    idCounter: world.idCounter,
  };
}
