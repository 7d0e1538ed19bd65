// What the engine's copies cost with nothing of the engine around them: the same CopyObject per
// object (SSE-KMS under the key, metadata and tags copied) sent by a bare loop at the engine's
// concurrency through a plain SDK client. The gap between this and run(plan) is the engine's own
// overhead (ACL reads, journal, progress, the tally read again); the gap between this and the
// bound is the machine's (SDK, sandbox and loopback CPU).
import { CopyObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CLIENT_SETTINGS, withoutSdkLogging } from '../../electron/core/aws/client-tuning';
import type { SandboxProcess } from '../inventory/child';

export async function timeSdkCopyFloor(
  sandbox: SandboxProcess,
  bucket: string,
  keys: readonly string[],
  keyArn: string,
  concurrency: number,
): Promise<{ ms: number; cpuMs: number }> {
  const { accessKeyId, secretAccessKey, region } = sandbox.credentials;
  const s3 = withoutSdkLogging(
    new S3Client({
      endpoint: sandbox.endpoint,
      region,
      credentials: { accessKeyId, secretAccessKey },
      forcePathStyle: true,
      ...CLIENT_SETTINGS,
    }),
  );
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const Key = keys[next++] ?? '';
      await s3.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key,
          CopySource: `${bucket}/${Key}`,
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: keyArn,
          MetadataDirective: 'COPY',
          TaggingDirective: 'COPY',
        }),
      );
    }
  };
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  } finally {
    s3.destroy();
  }
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
}
