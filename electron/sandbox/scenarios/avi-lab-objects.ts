// The objects in avi-lab's service-engine buckets. The controller uploads an SE image per version
// and cloud to its avi-se- bucket (versioned, SSE-S3 by default): qcow2 images of about a GiB with
// their checksum and metadata files, each tagged with the cloud; re-uploads left older versions.
// The lab-se- bucket predates S3's default encryption (January 2023): its objects were written
// unencrypted and stay so until rewritten.
import type { Bucket } from '../world';
import { SSE_S3, seedObjects, type SeedObject } from './s3-objects';

const DAY = 86_400_000;
const GIB = 1024 ** 3;
const VERSIONS = ['30.2.1', '30.2.2', '31.1.1', '31.1.2', '31.2.1', '22.1.6'];

function seImageObjects(now: number, encrypted: boolean): SeedObject[] {
  return VERSIONS.flatMap((version, i) => {
    const base = `se-images/${version}`;
    const common = {
      lastModified: now - (30 - i * 4) * DAY,
      ...(encrypted ? { encryption: SSE_S3 } : {}),
      tags: [
        { Key: 'avi:version', Value: version },
        { Key: 'avi:component', Value: 'service-engine' },
      ],
    };
    return [
      {
        key: `${base}/se.qcow2`,
        size: Math.round((1.1 + i * 0.05) * GIB),
        contentType: 'application/octet-stream',
        metadata: { 'avi-version': version, 'image-format': 'qcow2' },
        olderVersions: i % 2 === 0 ? 2 : 0,
        ...common,
      },
      { key: `${base}/se.qcow2.md5`, size: 33, contentType: 'text/plain', ...common },
      { key: `${base}/se.ova`, size: Math.round(1.3 * GIB), contentType: 'application/x-ovf', ...common },
      {
        key: `${base}/manifest.json`,
        size: 1_842,
        contentType: 'application/json',
        olderVersions: 1,
        ...common,
      },
      { key: `${base}/controller.pem`, size: 1_220, contentType: 'application/x-pem-file', ...common },
    ];
  });
}

export function seedSeBucketObjects(seBucket: Bucket, prefixedSeBucket: Bucket, now: number): void {
  seedObjects(seBucket, seImageObjects(now, true));
  // Uploaded in 2022, before S3 encrypted new objects by default.
  seedObjects(prefixedSeBucket, seImageObjects(Date.UTC(2022, 8, 1), false).slice(0, 12));
}
