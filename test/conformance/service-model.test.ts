// Every answer the sandbox gives to the operations the app uses, checked against the AWS service
// models that ship with the AWS CLI v2 (botocore's service-2.json): no member the model lacks,
// required members present, enum values within the model's enums, scalars and timestamps as each
// wire protocol writes them, error documents in the protocol's format with documented codes.
// The answers are the raw HTTP bodies and headers, recorded inside the SDK before it parses them,
// while the SDK (with its paginators and waiters) drives avi-lab and kublr-cluster the way the
// app does. Prints a table (operation × answers) and fails listing every mismatch.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { kublrCluster } from '../../electron/sandbox/scenarios/kublr-cluster';
import { withSandbox } from '../helpers/sandbox';
import type { RawAnswer } from './service-model/answer';
import { checkAnswer } from './service-model/check-answer';
import { driveContext, type DriveContext } from './service-model/drive/context';
import {
  driveEc2Defaults,
  driveEc2Images,
  driveEc2Reads,
  driveEc2Swap,
} from './service-model/drive/ec2-migration';
import { driveKms, driveS3 } from './service-model/drive/kms-s3';
import { driveS3Control } from './service-model/drive/s3control';
import { driveS3Objects } from './service-model/drive/s3-objects';
import { driveS3LocalCopy } from './service-model/drive/s3-local-copy';
import { driveIdentity, driveKublr } from './service-model/drive/kublr-identity';
import { driveKmsDryRun, drivePreflight } from './service-model/drive/preflight';
import { driveKeyFailures, driveRefusals, driveUnavailable } from './service-model/drive/refusals';
import { appOperations } from './service-model/app-operations';
import { findModelDir } from './service-model/model';
import { formatMismatches, formatTable, summarize, type CheckedAnswer } from './service-model/report';

const APP_SOURCE = ['electron/core', 'electron/cli'].map((dir) =>
  fileURLToPath(new URL(`../../${dir}`, import.meta.url)),
);

const sandbox = withSandbox({ speed: 0 });
const answers: RawAnswer[] = [];

async function inScenario(
  name: 'avi-lab' | 'kublr-cluster',
  region: string,
  drive: (ctx: DriveContext) => Promise<void>,
): Promise<void> {
  sandbox.control.loadScenario(name);
  sandbox.control.setSpeed(0);
  const ctx = driveContext(sandbox, region, answers);
  try {
    await drive(ctx);
  } finally {
    ctx.destroy();
  }
}

// The first test drives the traffic the second checks: their order is kept when shuffled.
describe('sandbox answers against the AWS service models', { shuffle: false }, () => {
  beforeAll(() => {
    findModelDir(); // fails at once, saying what to install, when the models are missing
  });

  it('drives avi-lab and kublr-cluster the way the app does', async () => {
    await inScenario('avi-lab', aviLab.region, async (ctx) => {
      const ids = aviLab.ids;
      await driveEc2Reads(ctx);
      await driveEc2Defaults(ctx, ids);
      await driveKms(ctx, ids);
      await driveS3(ctx, ids);
      await driveS3Objects(ctx, ids);
      await driveS3Control(ctx, ids.labKeyArn);
      await driveS3LocalCopy(ctx, ids.labKeyArn);
      await driveEc2Swap(ctx, ids);
      await driveEc2Images(ctx, ids);
      await drivePreflight(ctx, ids, answers);
      await driveKmsDryRun(ctx, ids);
      await driveRefusals(ctx);
      await driveKeyFailures(ctx, ids);
      await driveUnavailable(ctx);
    });
    await inScenario('kublr-cluster', kublrCluster.region, async (ctx) => {
      await driveKublr(ctx, kublrCluster.ids);
      await driveIdentity(ctx);
    });
    expect(answers.length).toBeGreaterThan(0);
  });

  it('every answer matches the model', () => {
    const checked: CheckedAnswer[] = answers.map((answer) => ({ answer, check: checkAnswer(answer) }));
    const rows = summarize(checked);
    console.log(`\nService-model conformance (${findModelDir()}):\n${formatTable(rows)}\n`);
    // Every operation the app's source calls must have been answered at least once here.
    const answered = new Set(rows.map((r) => `${r.service} ${r.operation}`));
    const missing = appOperations(APP_SOURCE).filter((operation) => !answered.has(operation));
    expect.soft(missing, 'operations the app uses that no answer covered').toEqual([]);
    const mismatches = formatMismatches(checked);
    expect(mismatches, `${mismatches.length} mismatches:\n${mismatches.join('\n')}`).toEqual([]);
  });
});
