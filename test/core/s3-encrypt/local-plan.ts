// A sealed s3-encrypt plan for the local engine's tests, with the objects read the way the planner
// reads them (ListObjectsV2, or ListObjectVersions oldest first with includeVersions; HeadObject
// per object); the view's numbers follow from them.
import {
  HeadObjectCommand,
  ListObjectVersionsCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { PlannedObject, S3EncryptPlanView, S3EncryptRequest } from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';
import { sealS3EncryptTestPlan } from '../../helpers/s3-encrypt-test-plan';

export interface LocalPlanOptions {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly keyArn: string;
  readonly includeVersions?: boolean;
  readonly versioning?: S3EncryptPlanView['versioning'];
}

async function listed(s3: S3Client, o: LocalPlanOptions): Promise<{ key: string; versionId?: string }[]> {
  const out: { key: string; versionId?: string }[] = [];
  if (o.includeVersions) {
    // The SDK has no paginator for ListObjectVersions: KeyMarker and VersionIdMarker by hand.
    let marker: { KeyMarker?: string; VersionIdMarker?: string } = {};
    for (;;) {
      const page = await s3.send(
        new ListObjectVersionsCommand({ Bucket: o.bucket, Prefix: o.prefix, ...marker }),
      );
      for (const v of page.Versions ?? []) out.push({ key: v.Key ?? '', versionId: v.VersionId ?? '' });
      if (!page.IsTruncated) break;
      marker = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
    }
    // S3 lists a key's versions newest first; the plan wants them oldest first.
    const byKey = new Map<string, { key: string; versionId?: string }[]>();
    for (const v of out) byKey.set(v.key, [v, ...(byKey.get(v.key) ?? [])]);
    return [...byKey.values()].flat();
  }
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: o.bucket, Prefix: o.prefix }))
    for (const c of page.Contents ?? []) out.push({ key: c.Key ?? '' });
  return out;
}

export async function readPlannedObjects(s3: S3Client, o: LocalPlanOptions): Promise<PlannedObject[]> {
  const objects: PlannedObject[] = [];
  for (const { key, versionId } of await listed(s3, o)) {
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: o.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
    );
    objects.push({
      key,
      ...(head.VersionId ? { versionId: head.VersionId } : {}),
      size: head.ContentLength ?? 0,
      ...(head.StorageClass ? { storageClass: head.StorageClass } : {}),
      encryption: head.ServerSideEncryption === 'AES256' ? 'sse-s3' : 'kms-other',
      ...(head.ETag ? { etag: head.ETag } : {}),
    });
  }
  return objects;
}

export async function localPlan(o: LocalPlanOptions, objects: PlannedObject[]): Promise<Plan> {
  const bytes = objects.reduce((sum, x) => sum + x.size, 0);
  const request: S3EncryptRequest = {
    bucket: o.bucket,
    kmsKeyRef: o.keyArn,
    prefix: o.prefix,
    engine: 'local',
    ...(o.includeVersions ? { includeVersions: true } : {}),
  };
  const view: S3EncryptPlanView = {
    bucket: o.bucket,
    region: o.region,
    prefix: o.prefix,
    versioning: o.versioning ?? 'Unversioned',
    key: {
      arn: o.keyArn,
      keyId: o.keyArn.split('/').pop() ?? '',
      aliases: [],
      region: o.region,
      manager: 'CUSTOMER',
      chosen: 'explicit',
      summary: 'the test key',
    },
    tallyMethod: 'exact',
    tallies: [{ encryption: 'sse-s3', objects: objects.length, bytes }],
    toCopy: { objects: objects.length, bytes },
    skipped: { count: 0, byReason: {}, samples: [] },
    engine: 'local',
    engineReason: 'chosen',
    threshold: { objects: 10_000, bytes: 100 * 1024 ** 3 },
    bucketKey: { enabled: true, recommended: true, reason: 'fewer KMS calls' },
    changes: [],
    cost: { requests: {}, kmsCalls: 0, costUsd: 0, costNote: '' },
    listedAt: new Date(0).toISOString(),
  };
  return sealS3EncryptTestPlan(o, { request, view, objects });
}

// Counts the requests an S3 client sends, by command name; `before` may throw to stop one (a
// crash) and `after` sees each successful answer.
export function countRequests(
  s3: S3Client,
  hooks: { before?: (command: string) => void; after?: (command: string) => void } = {},
): Map<string, number> {
  const counts = new Map<string, number>();
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      hooks.before?.(command);
      const answer = await next(args);
      counts.set(command, (counts.get(command) ?? 0) + 1);
      hooks.after?.(command);
      return answer;
    },
    { step: 'initialize', name: 'countRequests' },
  );
  return counts;
}
