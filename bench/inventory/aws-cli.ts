// The AWS CLI v2 (/usr/bin/aws) fetching the same resources region by region, for comparison.
// Per-key and per-bucket reads are one CLI process each; a sample is timed and scaled to the
// whole count (stated in the report), because 800 python start-ups would dominate the run.
import { execFile } from 'node:child_process';
import type { RegionInventory } from '../../shared/domain/inventory';
import type { SandboxProcess } from './child';
import { awsCliEnv } from '../aws-cli-env';

const SAMPLE = 5;

function aws(args: readonly string[], endpoint: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/aws',
      ['--endpoint-url', endpoint, '--output', 'json', ...args],
      { env, maxBuffer: 256 * 1024 * 1024 },
      (error) => (error ? reject(new Error(`aws ${args.join(' ')} failed: ${error.message}`)) : resolve()),
    );
  });
}

export interface CliTiming {
  readonly ms: number; // measured list calls + scaled per-item reads
  readonly measuredMs: number;
  readonly processes: number;
}

export async function timeAwsCli(
  sandbox: SandboxProcess,
  regions: readonly RegionInventory[],
): Promise<CliTiming> {
  const env = awsCliEnv(sandbox);
  const run = (args: string[]) => aws(args, sandbox.endpoint, env);
  let measured = 0;
  let scaled = 0;
  let processes = 0;
  const timed = async (args: string[]) => {
    const start = performance.now();
    await run(args);
    processes += 1;
    return performance.now() - start;
  };
  measured += await timed(['s3api', 'list-buckets', '--region', 'us-east-1']);
  for (const r of regions) {
    const region = ['--region', r.region];
    for (const args of [
      ['ec2', 'describe-instances'],
      ['ec2', 'describe-volumes'],
      ['ec2', 'describe-snapshots', '--owner-ids', 'self'],
      ['ec2', 'describe-images', '--owners', 'self'],
      ['ec2', 'describe-launch-templates'],
      ['ec2', 'get-ebs-encryption-by-default'],
      ['ec2', 'get-ebs-default-kms-key-id'],
      ['autoscaling', 'describe-auto-scaling-groups'],
      ['kms', 'list-keys'],
      ['kms', 'list-aliases'],
    ]) {
      measured += await timed([...args, ...region]);
    }
    const keys = r.keys.slice(0, SAMPLE);
    let keyMs = 0;
    for (const k of keys) keyMs += await timed(['kms', 'describe-key', '--key-id', k.arn, ...region]);
    measured += keyMs;
    if (keys.length > 0) scaled += (keyMs / keys.length) * (r.keys.length - keys.length);
    const buckets = r.buckets.slice(0, SAMPLE);
    let bucketMs = 0;
    for (const b of buckets) {
      bucketMs += await timed(['s3api', 'get-bucket-encryption', '--bucket', b.name, ...region]).catch(
        () => 0,
      );
      bucketMs += await timed(['s3api', 'get-bucket-versioning', '--bucket', b.name, ...region]);
    }
    measured += bucketMs;
    if (buckets.length > 0) scaled += (bucketMs / buckets.length) * (r.buckets.length - buckets.length);
  }
  return { ms: measured + scaled, measuredMs: measured, processes };
}
