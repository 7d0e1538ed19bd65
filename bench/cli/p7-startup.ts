// P7: the CLI's start-up as installed. `envelope --help` and `envelope whoami` (the built CLI,
// bin/envelope.mjs → out/cli) against the AWS CLI v2's `--version` and `sts get-caller-identity`,
// in the same run, against one sandbox started for it (in its own process), with the credentials
// in the environment. Wall time and peak memory (maximum resident set, from /usr/bin/time) are
// the median of N runs of each, interleaved so that a busy moment of the machine hits all alike.
// The TypeScript entry (bin/envelope-dev.mjs, tsx) is measured too, for comparison.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startSandboxProcess, type SandboxProcess } from '../inventory/child';
import type { BenchRow } from '../report';

const RUNS = Math.max(1, Number(process.env.P7_RUNS) || 5);
const HELP_TARGET_S = 0.3;
const PEAK_TARGET_MIB = 120;
const TIME = '/usr/bin/time';
const AWS = '/usr/bin/aws';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/envelope.mjs');
const devBin = join(root, 'bin/envelope-dev.mjs');

interface Sample {
  readonly seconds: number;
  readonly peakMiB: number | undefined;
  readonly ok: boolean;
  readonly stdout: string;
}

// One run: wall time from spawn to exit; peak RSS from /usr/bin/time's %M (KiB), when present.
function measure(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  dir: string,
): Promise<Sample> {
  const useTime = existsSync(TIME);
  const rssFile = join(dir, 'rss');
  rmSync(rssFile, { force: true });
  const [file, argv] = useTime ? [TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, [...args]];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const kib =
        useTime && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) : NaN;
      resolve({ seconds, peakMiB: Number.isFinite(kib) ? kib / 1024 : undefined, ok: code === 0, stdout });
    });
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

interface Summary {
  readonly seconds: number;
  readonly peakMiB: number | undefined;
  readonly failed: number;
}

function summarize(samples: readonly Sample[]): Summary {
  const peaks = samples.map((s) => s.peakMiB).filter((p): p is number => p !== undefined);
  return {
    seconds: median(samples.map((s) => s.seconds)),
    peakMiB: peaks.length > 0 ? median(peaks) : undefined,
    failed: samples.filter((s) => !s.ok).length,
  };
}

const secs = (s: number): string => `${s.toFixed(2)} s`;
const mib = (m: number | undefined): string => (m === undefined ? 'n/a' : `${m.toFixed(0)} MiB`);
const failures = (s: Summary): string => (s.failed > 0 ? `, ${s.failed} of ${RUNS} FAILED` : '');

function environment(sandbox: SandboxProcess, home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
    AWS_REGION: sandbox.credentials.region,
    AWS_DEFAULT_REGION: sandbox.credentials.region,
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
    ENVELOPE_DATA_DIR: join(home, 'envelope-data'),
  };
}

export async function benchCliStartup(): Promise<BenchRow[]> {
  if (!existsSync(AWS)) throw new Error(`${AWS} is not installed: P7 compares against the AWS CLI v2.`);
  // What users run is the build: make it current first (bin/envelope.mjs would otherwise fall back
  // to the sources, and P7 would measure tsx).
  await build({ configFile: join(root, 'vite.cli.config.ts'), logLevel: 'error' });
  const home = mkdtempSync(join(tmpdir(), 'envelope-bench-p7-'));
  writeFileSync(join(home, 'config'), '');
  writeFileSync(join(home, 'credentials'), '');
  const sandbox = await startSandboxProcess({ scenario: 'avi-lab', speed: 0, throttling: false });
  try {
    const env = environment(sandbox, home);
    const envelopeEnv = { ...env, AWS_ENDPOINT_URL: sandbox.endpoint };
    const node = process.execPath;
    const runs = {
      help: [] as Sample[],
      whoami: [] as Sample[],
      devHelp: [] as Sample[],
      devWhoami: [] as Sample[],
      awsVersion: [] as Sample[],
      awsIdentity: [] as Sample[],
    };
    for (let i = 0; i < RUNS; i++) {
      runs.help.push(await measure(node, [bin, '--help'], envelopeEnv, home));
      runs.awsVersion.push(await measure(AWS, ['--version'], env, home));
      runs.whoami.push(await measure(node, [bin, 'whoami', '--json'], envelopeEnv, home));
      runs.awsIdentity.push(
        await measure(AWS, ['--endpoint-url', sandbox.endpoint, 'sts', 'get-caller-identity'], env, home),
      );
      runs.devHelp.push(await measure(node, [devBin, '--help'], envelopeEnv, home));
      runs.devWhoami.push(await measure(node, [devBin, 'whoami', '--json'], envelopeEnv, home));
    }
    const account = (s: readonly Sample[]) =>
      s.every((r) => !r.ok || r.stdout.includes('"accountId"') || r.stdout.includes('"Account"'));
    const help = summarize(runs.help);
    const whoami = summarize(runs.whoami);
    const awsVersion = summarize(runs.awsVersion);
    const awsIdentity = summarize(runs.awsIdentity);
    const devHelp = summarize(runs.devHelp);
    const devWhoami = summarize(runs.devWhoami);
    const peakOk = (s: Summary) => s.peakMiB !== undefined && s.peakMiB < PEAK_TARGET_MIB && s.failed === 0;
    const bench = 'P7 CLI start-up';
    return [
      {
        bench,
        metric: `envelope --help, wall (median of ${RUNS})`,
        value: `${secs(help.seconds)} (aws --version ${secs(awsVersion.seconds)})${failures(help)}`,
        target: `< ${HELP_TARGET_S} s`,
        ok: help.seconds < HELP_TARGET_S && help.failed === 0,
      },
      {
        bench,
        metric: 'envelope --help, peak memory',
        value: `${mib(help.peakMiB)} (aws --version ${mib(awsVersion.peakMiB)})`,
        target: `< ${PEAK_TARGET_MIB} MiB`,
        ok: peakOk(help),
      },
      {
        bench,
        metric: `envelope whoami vs aws sts get-caller-identity, wall (median of ${RUNS})`,
        value: `${secs(whoami.seconds)} vs ${secs(awsIdentity.seconds)}${failures(whoami)}${failures(awsIdentity)}${account(runs.whoami) ? '' : ', no identity printed'}`,
        target: 'no slower than the AWS CLI',
        ok: whoami.seconds <= awsIdentity.seconds && whoami.failed === 0 && account(runs.whoami),
      },
      {
        bench,
        metric: 'envelope whoami, peak memory',
        value: `${mib(whoami.peakMiB)} (aws sts get-caller-identity ${mib(awsIdentity.peakMiB)})`,
        target: `< ${PEAK_TARGET_MIB} MiB`,
        ok: peakOk(whoami),
      },
      {
        bench,
        metric: 'through the sources (bin/envelope-dev.mjs, tsx): --help; whoami',
        value: `${secs(devHelp.seconds)} ${mib(devHelp.peakMiB)}; ${secs(devWhoami.seconds)} ${mib(devWhoami.peakMiB)}${failures(devWhoami)}`,
        target: '(development entry, for comparison)',
      },
    ];
  } finally {
    await sandbox.stop();
    rmSync(home, { recursive: true, force: true });
  }
}
