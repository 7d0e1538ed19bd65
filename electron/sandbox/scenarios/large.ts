// large: a parametric account for benchmarks. Per region: volumes (every third encrypted with a
// region CMK), completed snapshots, AMIs, customer keys; plus buckets. Defaults are modest; the
// benchmark passes e.g. { regions: 4, volumesPerRegion: 5000, snapshotsPerRegion: 10000,
// imagesPerRegion: 1000, keysPerRegion: 200, buckets: 300 }.
import { z } from 'zod';
import { createKmsKeyWithAlias } from '../kms/factory';
import { SANDBOX_REGIONS } from '../world-factory';
import type { SandboxWorld } from '../world';
import { addBucket, addImage, addSnapshot, addVolume } from './builders';
import { SSE_S3, seedObjects } from './s3-objects';

const paramsSchema = z.object({
  regions: z
    .number()
    .int()
    .min(1)
    .max(SANDBOX_REGIONS.length - 1)
    .default(2),
  volumesPerRegion: z.number().int().min(0).default(200),
  snapshotsPerRegion: z.number().int().min(0).default(400),
  imagesPerRegion: z.number().int().min(0).default(50),
  keysPerRegion: z.number().int().min(0).default(10),
  buckets: z.number().int().min(0).default(20),
  // Objects under SSE-S3 in the bucket bench-objects (the S3 re-encryption benchmark, P5).
  objects: z.number().int().min(0).max(1_000_000).default(0),
});

export type LargeParams = z.input<typeof paramsSchema>;
const DAY = 86_400_000;

export function loadLarge(world: SandboxWorld, now: number, input: Record<string, unknown>): void {
  const p = paramsSchema.parse(input);
  const regions = SANDBOX_REGIONS.filter((r) => r.optInStatus !== 'not-opted-in')
    .slice(0, p.regions)
    .map((r) => r.name);
  for (const region of regions) {
    const keys = Array.from(
      { length: p.keysPerRegion },
      (_, i) =>
        createKmsKeyWithAlias(world, `alias/bench-${i + 1}`, {
          region,
          now: now - 100 * DAY,
          description: `bench key ${i + 1}`,
        }).key,
    );
    const volumeIds: string[] = [];
    for (let i = 0; i < p.volumesPerRegion; i++) {
      const key = i % 3 === 0 ? keys[i % Math.max(1, keys.length)] : undefined;
      const volume = addVolume(world, {
        region,
        availabilityZone: `${region}${['a', 'b', 'c'][i % 3] ?? 'a'}`,
        sizeGiB: 8 + (i % 50) * 10,
        ...(key ? { kmsKeyArn: key.arn } : {}),
        createTime: now - (i % 365) * DAY,
        tags: [{ Key: 'Name', Value: `bench-${i}` }],
      });
      volumeIds.push(volume.volumeId);
    }
    for (let i = 0; i < p.snapshotsPerRegion; i++) {
      const key = i % 4 === 0 ? keys[i % Math.max(1, keys.length)] : undefined;
      addSnapshot(world, {
        region,
        volumeId: volumeIds[i % Math.max(1, volumeIds.length)] ?? 'vol-ffffffff',
        sizeGiB: 8 + (i % 50) * 10,
        ...(key ? { kmsKeyArn: key.arn } : {}),
        startTime: now - (i % 365) * DAY,
      });
    }
    for (let i = 0; i < p.imagesPerRegion; i++) {
      addImage(world, { region, name: `bench-image-${i}`, sizeGiB: 8, creationDate: now - (i % 365) * DAY });
    }
  }
  for (let i = 0; i < p.buckets; i++) {
    addBucket(world, {
      name: `bench-bucket-${String(i).padStart(5, '0')}`,
      region: regions[i % regions.length] ?? 'us-east-1',
      creationDate: now - (i % 365) * DAY,
      versioning: i % 2 === 0 ? 'Enabled' : 'Unversioned',
      ...(i % 5 === 0
        ? {}
        : { encryption: { rules: [{ sseAlgorithm: 'AES256' as const, bucketKeyEnabled: false }] } }),
    });
  }
  if (p.objects > 0) {
    const bucket = addBucket(world, {
      name: 'bench-objects',
      region: regions[0] ?? 'us-east-1',
      creationDate: now - 100 * DAY,
      versioning: 'Unversioned',
    });
    // Twenty prefixes, so the per-prefix request rates are not the bound.
    seedObjects(
      bucket,
      Array.from({ length: p.objects }, (_, i) => ({
        key: `data/p${String(i % 20).padStart(2, '0')}/object-${String(i).padStart(7, '0')}`,
        size: 256 * 1024,
        lastModified: now - (i % 365) * DAY,
        encryption: SSE_S3,
      })),
    );
  }
}
