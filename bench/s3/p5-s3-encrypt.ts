// P5: re-encrypting a bucket of 100,000 objects (SSE-S3, 256 KiB each, in 20 prefixes: the
// sandbox's `large` scenario, bucket bench-objects) to a KMS key with 25 ms latency per call:
// Envelope's local engine through the S3 re-encryption service's run(plan), and the AWS CLI's
// `aws s3 cp --recursive --sse aws:kms`, each on a fresh sandbox so both do the same work; both
// against the bound S3's per-prefix request rates and their concurrency impose (p5-bound.ts).
// ENVELOPE_BENCH_P5_OBJECTS sets a smaller count for a quick run.
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchRow } from '../report';
import { startSandboxProcess, type SandboxProcess } from '../inventory/child';
import { AWS_CLI_CONCURRENCY, timeAwsCliCopy } from './aws-cli-copy';
import { envelopeCopy } from './envelope-copy';
import { boundOf } from './p5-bound';
import { timeSdkCopyFloor } from './sdk-copy-floor';

export const P5_LATENCY_MS = 25;
const BUCKET = 'bench-objects';
const KEY_ALIAS = 'alias/bench-1';
const PREFIXES = 20; // as large.ts lays the objects out
const FLOOR_SAMPLE = 5_000;

export function p5ObjectCount(): number {
  const asked = Number(process.env.ENVELOPE_BENCH_P5_OBJECTS ?? 100_000);
  return Number.isInteger(asked) && asked > 0 ? asked : 100_000;
}

// The same keys large.ts writes, for the CLI's bound (it lists them itself).
const keysOf = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) => `data/p${String(i % PREFIXES).padStart(2, '0')}/object-${String(i).padStart(7, '0')}`,
  );

function startWorld(objects: number): Promise<SandboxProcess> {
  return startSandboxProcess({
    scenario: 'large',
    scenarioParams: {
      regions: 1,
      volumesPerRegion: 0,
      snapshotsPerRegion: 0,
      imagesPerRegion: 0,
      keysPerRegion: 1,
      buckets: 0,
      objects,
    },
    latencyMs: P5_LATENCY_MS,
    throttling: true,
    speed: 1,
  });
}

function clientConfig(sandbox: SandboxProcess) {
  const { accessKeyId, secretAccessKey, region } = sandbox.credentials;
  return { endpoint: sandbox.endpoint, region, credentials: { accessKeyId, secretAccessKey } };
}

async function keyArnOf(sandbox: SandboxProcess): Promise<string> {
  const kms = new KMSClient(clientConfig(sandbox));
  try {
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: KEY_ALIAS }));
    if (!KeyMetadata?.Arn) throw new Error(`${KEY_ALIAS} has no ARN in the sandbox`);
    return KeyMetadata.Arn;
  } finally {
    kms.destroy();
  }
}

// Of 50 objects picked across the bucket (a stride prime to any sampling step), those not under
// the key after a run: 0 when the run did its work.
async function notUnderKey(
  sandbox: SandboxProcess,
  keys: readonly string[],
  keyArn: string,
): Promise<number> {
  const s3 = new S3Client({ ...clientConfig(sandbox), forcePathStyle: true });
  const picks = [...new Set(Array.from({ length: 50 }, (_, i) => (i * 7919 + 13) % keys.length))];
  let wrong = 0;
  try {
    for (const i of picks) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: keys[i] ?? '' }));
      if (head.ServerSideEncryption !== 'aws:kms' || head.SSEKMSKeyId !== keyArn) wrong += 1;
    }
  } finally {
    s3.destroy();
  }
  return wrong;
}

const total = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const listOf = (m: ReadonlyMap<string, number>): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([op, n]) => `${op} ${n.toLocaleString('en-US')}`)
    .join(', ');
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const row = (metric: string, value: string, target = '', ok?: boolean): BenchRow => ({
  bench: 'P5 S3 re-encryption',
  metric,
  value,
  target,
  ...(ok === undefined ? {} : { ok }),
});

async function runEnvelope(objects: number) {
  const sandbox = await startWorld(objects);
  try {
    const run = await envelopeCopy(sandbox, BUCKET, KEY_ALIAS);
    const keyArn = await keyArnOf(sandbox);
    const unchecked = await notUnderKey(sandbox, keysOf(objects), keyArn);
    // The same copies again (allowed: the request names the encryption), by a bare loop, on at
    // most FLOOR_SAMPLE of them, scaled to the planned count.
    const sample = run.plannedKeys.slice(0, FLOOR_SAMPLE);
    const measured = await timeSdkCopyFloor(sandbox, BUCKET, sample, keyArn, run.concurrency);
    const scale = run.plannedKeys.length / Math.max(1, sample.length);
    const floor = { ms: measured.ms * scale, cpuMs: measured.cpuMs * scale, sampled: sample.length };
    return { run, unchecked, floor };
  } finally {
    await sandbox.stop();
  }
}

async function runCli(objects: number) {
  const sandbox = await startWorld(objects);
  try {
    const keyArn = await keyArnOf(sandbox);
    const cpu0 = sandbox.cpuMs();
    const cli = await timeAwsCliCopy(sandbox, BUCKET, keyArn);
    const cpu1 = sandbox.cpuMs();
    const sandboxCpuMs = cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0;
    return { cli, sandboxCpuMs, unchecked: await notUnderKey(sandbox, keysOf(objects), keyArn) };
  } finally {
    await sandbox.stop();
  }
}

export async function benchS3Encrypt(): Promise<BenchRow[]> {
  const objects = p5ObjectCount();
  const loadAtStart = loadavg()[0] ?? 0;
  const benchStart = performance.now();
  process.stderr.write(`P5: Envelope on ${objects} objects…\n`);
  const envelope = await runEnvelope(objects);
  process.stderr.write('P5: the AWS CLI on the same objects…\n');
  const aws = await runCli(objects);
  const { run } = envelope;

  const envelopeBound = boundOf({
    requests: total(run.runRequests),
    concurrency: run.concurrency,
    latencyMs: P5_LATENCY_MS,
    writtenKeys: run.plannedKeys,
  });
  const cliBound = boundOf({
    requests: total(aws.cli.requests),
    concurrency: AWS_CLI_CONCURRENCY,
    latencyMs: P5_LATENCY_MS,
    writtenKeys: keysOf(objects),
  });
  const speedUp = aws.cli.ms / run.runMs;
  // Both must have re-encrypted the whole bucket for their times to compare.
  const complete = run.result.copied === objects;
  const toBound = run.runMs / envelopeBound.ms;
  const cpu = (ms: number | undefined) => (ms === undefined ? 'n/a' : s(ms));
  // CPU the run used (this process: SDK signing and parsing, the engine; the sandbox: S3's side),
  // spread over the bound's time: above the machine's cores the bound cannot be reached here.
  const runCpuMs = run.processCpuMs + (run.sandboxCpuMs.run ?? 0);
  const coresAtBound = runCpuMs / envelopeBound.ms;
  return [
    row(
      'objects (SSE-S3, 256 KiB, 20 prefixes), latency per call; load average at the start',
      `${objects.toLocaleString('en-US')}, ${P5_LATENCY_MS} ms; ${loadAtStart.toFixed(1)} on ${availableParallelism()} cores`,
    ),
    row(
      'Envelope plan (listing, HeadObject per object, checks; not timed against the CLI)',
      `${s(run.planMs)}; ${listOf(run.planRequests)}; sandbox CPU ${cpu(run.sandboxCpuMs.plan)}`,
    ),
    row(
      'objects the plan lists for the local engine / objects in the bucket',
      `${run.plannedKeys.length.toLocaleString('en-US')} / ${objects.toLocaleString('en-US')}`,
      'all',
      run.plannedKeys.length === objects,
    ),
    row(
      `Envelope run(plan), local engine, ${run.concurrency} in flight`,
      `${s(run.runMs)} (last copy reported at ${s(run.copiesEndedMs)}): ${run.result.copied.toLocaleString('en-US')} copied of ${run.plannedKeys.length.toLocaleString('en-US')} planned, ${run.result.failedCount} failed; ${listOf(run.runRequests)}; sandbox CPU ${cpu(run.sandboxCpuMs.run)}`,
    ),
    row(
      `floor: the same CopyObjects by a bare SDK loop, ${run.concurrency} in flight (no ACL reads, journal or progress; ${envelope.floor.sampled.toLocaleString('en-US')} timed, scaled to the plan)`,
      `${s(envelope.floor.ms)}; its process CPU ${s(envelope.floor.cpuMs)}; run(plan) process CPU ${s(run.processCpuMs)}`,
    ),
    row(
      `AWS CLI v2 s3 cp --recursive --sse aws:kms (${AWS_CLI_CONCURRENCY} in flight)`,
      `${s(aws.cli.ms)}; ${listOf(aws.cli.requests)}; sandbox CPU ${cpu(aws.sandboxCpuMs)}`,
    ),
    row(
      'objects not under the key afterwards (50 across the bucket read back): Envelope / AWS CLI',
      `${envelope.unchecked} / ${aws.unchecked}`,
      '0 / 0',
      envelope.unchecked === 0 && aws.unchecked === 0,
    ),
    row(
      'speed-up: AWS CLI time / Envelope run time',
      complete
        ? `${speedUp.toFixed(2)}×`
        : `${speedUp.toFixed(2)}×, not comparable: Envelope copied ${run.result.copied.toLocaleString('en-US')} of the ${objects.toLocaleString('en-US')} objects (its plan listed ${run.plannedKeys.length.toLocaleString('en-US')})`,
      '≥ 2×',
      complete && speedUp >= 2,
    ),
    row(
      `Envelope's bound (${envelopeBound.binding}; busiest prefix ${s(envelopeBound.rateMs)} at 3,500 writes/s)`,
      s(envelopeBound.ms),
    ),
    row('Envelope run / its bound', `${toBound.toFixed(2)}×`, '≤ 1.2×', toBound <= 1.2),
    row(
      'CPU per request in run(plan): this process / sandbox; cores the run needs to meet the bound',
      `${(run.processCpuMs / Math.max(1, total(run.runRequests))).toFixed(2)} ms / ${((run.sandboxCpuMs.run ?? 0) / Math.max(1, total(run.runRequests))).toFixed(2)} ms; ${coresAtBound.toFixed(1)} of ${availableParallelism()}`,
    ),
    row(
      `AWS CLI's bound (${cliBound.binding}) and its time against it`,
      `${s(cliBound.ms)}; ${(aws.cli.ms / cliBound.ms).toFixed(2)}×`,
    ),
    row(
      'P5 in all (two sandboxes filled, plan, run, floor, AWS CLI, read-backs)',
      s(performance.now() - benchStart),
      '< 15 min',
      performance.now() - benchStart < 15 * 60_000,
    ),
  ];
}
