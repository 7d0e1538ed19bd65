import { EC2Client, DescribeSnapshotsCommand, DescribeVolumesCommand, DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { readFileSync } from 'node:fs';
import { spawnTs, benchFile, firstLine } from './bench/inventory/child';
import { LARGE } from './bench/inventory/p1-inventory';
const child = spawnTs(benchFile('./sandbox-process.ts'), [JSON.stringify({ scenario: 'large', scenarioParams: LARGE, throttling: false, speed: 1 })]);
const sandbox = JSON.parse(await firstLine(child));
function sbCpu() { const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 10; }
const ec2 = new EC2Client({ region: 'us-east-1', endpoint: sandbox.endpoint, credentials: sandbox.credentials });
async function time(name: string, f: (tok?: string) => Promise<string | undefined>) {
  let tok: string | undefined; let n = 0; const c0 = sbCpu(); const t = performance.now();
  for (let r = 0; r < 3; r++) do { tok = await f(tok); n++; } while (tok);
  console.log(name.padEnd(10), n, 'pages; sandbox CPU', ((sbCpu() - c0) / n).toFixed(1), 'ms/page; round trip', ((performance.now() - t) / n).toFixed(1), 'ms/page');
}
for (let i = 0; i < 2; i++) {
  await time('snapshots', async (t) => (await ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 1000, NextToken: t }))).NextToken);
  await time('volumes', async (t) => (await ec2.send(new DescribeVolumesCommand({ MaxResults: 1000, NextToken: t }))).NextToken);
  await time('images', async (t) => (await ec2.send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: 1000, NextToken: t }))).NextToken);
}
ec2.destroy();
await new Promise<void>((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); });
