import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { countCalls, newCallCounts, total } from './electron/core/inventory/call-counter';
import type { ScanClients } from './electron/core/inventory/scan-clients';
import { scanInventory } from './electron/core/inventory/scanner';
import { spawnTs, benchFile, firstLine } from './bench/inventory/child';
import { LARGE, LATENCY_MS } from './bench/inventory/p1-inventory';
const prof = process.env.SBPROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.SBPROF] : [];
const child = spawnTs(benchFile('./sandbox-process.ts'), [JSON.stringify({ scenario: 'large', scenarioParams: LARGE, latencyMs: LATENCY_MS, throttling: true, speed: 1 })], prof);
const sandbox = JSON.parse(await firstLine(child));
import { readFileSync } from 'node:fs';
function sbCpu() { const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; }
const counts = newCallCounts();
const made: { destroy(): void }[] = [];
const config = (region: string) => ({ region, endpoint: sandbox.endpoint, credentials: { accessKeyId: sandbox.credentials.accessKeyId, secretAccessKey: sandbox.credentials.secretAccessKey }, retryMode: 'adaptive' as const, maxAttempts: 8 });
const memo = new Map<string, unknown>();
const once = <T extends { destroy(): void }>(key: string, make: () => T): T => { if (!memo.has(key)) { const c = make(); made.push(c); memo.set(key, c); } return memo.get(key) as T; };
const clients: ScanClients = {
  ec2: (r) => once(`ec2${r}`, () => countCalls(new EC2Client(config(r)), counts)),
  kms: (r) => once(`kms${r}`, () => countCalls(new KMSClient(config(r)), counts)),
  s3: (r) => once(`s3${r}`, () => countCalls(new S3Client({ ...config(r), forcePathStyle: true }), counts)),
  autoscaling: (r) => once(`as${r}`, () => countCalls(new AutoScalingClient(config(r)), counts)),
};
for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) {
const cpu0 = process.cpuUsage(); const sb0 = sbCpu(); const start = performance.now();
const out = await scanInventory({ account: '123456789012', regions: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'], clients });
const cpu = process.cpuUsage(cpu0); console.log('client cpu', Math.round((cpu.user + cpu.system) / 1000), 'sandbox cpu', sbCpu() - sb0, 'wall', Math.round(performance.now() - start), 'ok', out.every((o) => o.ok), 'calls', total(counts.attempts), 'throttled', total(counts.throttled));
}
for (const c of made) c.destroy();
await new Promise<void>((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); });
