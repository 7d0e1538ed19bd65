// The local engine's test world: a bucket, a KMS key, objects put through the SDK, and the engine's
// context and journal in a temporary directory.
import { IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
  type StorageClass,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { join } from 'node:path';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import type { EngineContext } from '../../../electron/core/s3-encrypt/engine';
import type { TestSandbox } from '../../helpers/sandbox';
import { s3ControlClient } from '../../helpers/s3-batch-world';
import { makeTempDir } from '../../helpers/temp-dir';

export interface LocalWorld {
  readonly accountId: string;
  readonly region: string;
  readonly keyArn: string;
  readonly kms: KMSClient;
  readonly dir: string;
}

export async function makeLocalWorld(sandbox: TestSandbox, buckets: readonly string[]): Promise<LocalWorld> {
  const s3 = new S3Client(sandbox.s3Config);
  const kms = new KMSClient(sandbox.sdkConfig);
  const { Account } = await new STSClient(sandbox.sdkConfig).send(new GetCallerIdentityCommand({}));
  for (const name of buckets) await s3.send(new CreateBucketCommand({ Bucket: name }));
  return {
    accountId: Account ?? '',
    region: sandbox.credentials.region,
    keyArn: await newKey(kms),
    kms,
    dir: join(makeTempDir('s3-encrypt-local'), 's3-encrypt'),
  };
}

export async function newKey(kms: KMSClient): Promise<string> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'local engine target' }));
  return KeyMetadata?.Arn ?? '';
}

export async function enableVersioning(s3: S3Client, bucket: string): Promise<void> {
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
  );
}

// `count` objects under `prefix` (SSE-S3, the bucket's default) with metadata, a content type and
// tags; every third in `storageClass`.
export async function putLabObjects(
  s3: S3Client,
  bucket: string,
  prefix: string,
  count: number,
  storageClass: StorageClass = 'STANDARD_IA',
): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}.img`);
  await Promise.all(
    keys.map((key, i) =>
      s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: `image ${key}`,
          ContentType: 'application/x-se-image',
          Metadata: { owner: 'lab', index: String(i) },
          Tagging: 'team=net&tier=se',
          ...(i % 3 === 0 ? { StorageClass: storageClass } : {}),
        }),
      ),
    ),
  );
  return keys;
}

export function engineContext(
  sandbox: TestSandbox,
  world: LocalWorld,
  s3: S3Client,
  options: { progress?: S3EncryptProgress[]; signal?: AbortSignal } = {},
): EngineContext {
  return {
    accountId: world.accountId,
    region: world.region,
    s3,
    s3control: s3ControlClient(sandbox),
    iam: new IAMClient(sandbox.sdkConfig),
    signal: options.signal ?? new AbortController().signal,
    onProgress: (p) => options.progress?.push(p),
    jobId: 'job-local',
  };
}
