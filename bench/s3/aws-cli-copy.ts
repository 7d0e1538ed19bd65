// The AWS CLI's way to re-encrypt a bucket, timed: `aws s3 cp s3://B/ s3://B/ --recursive --sse
// aws:kms --sse-kms-key-id K` (/usr/bin/aws, the CLI v2) with its default transfer settings: at
// most 10 requests at once (max_concurrent_requests) and one CopyObject per object under the
// 8 MiB multipart_threshold ("AWS CLI S3 Configuration" topic guide; awscli
// customizations/s3/transferconfig.py DEFAULTS). Its requests are counted by a proxy.
import { execFile } from 'node:child_process';
import type { SandboxProcess } from '../inventory/child';
import { startCountingProxy } from './counting-proxy';
import { awsCliEnv } from '../aws-cli-env';

// The CLI's defaults, which the bound for its run is computed from.
export const AWS_CLI_CONCURRENCY = 10;

export interface CliCopyRun {
  readonly ms: number;
  readonly requests: Map<string, number>;
}

export async function timeAwsCliCopy(
  sandbox: SandboxProcess,
  bucket: string,
  keyArn: string,
): Promise<CliCopyRun> {
  const proxy = await startCountingProxy(sandbox.endpoint);
  const uri = `s3://${bucket}/`;
  const args = [
    '--endpoint-url',
    proxy.endpoint,
    's3',
    'cp',
    uri,
    uri,
    '--recursive',
    '--sse',
    'aws:kms',
    '--sse-kms-key-id',
    keyArn,
    '--only-show-errors',
  ];
  try {
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      execFile(
        '/usr/bin/aws',
        args,
        { env: awsCliEnv(sandbox), maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, stderr) =>
          error
            ? reject(
                new Error(`aws s3 cp --recursive failed: ${stderr.trim().split('\n').slice(-3).join(' ')}`),
              )
            : resolve(),
      );
    });
    return { ms: performance.now() - start, requests: new Map(proxy.counts) };
  } finally {
    await proxy.close();
  }
}
