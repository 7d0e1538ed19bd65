// Offline planning: a migration plan built from the cached inventory with no network, its source
// and age stated, and the plan file reviewable (import) with no network either.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hasValidSeal, type Plan } from '../../shared/plans/plan-document';
import { aviLab } from '../../electron/sandbox/scenarios/avi-lab';
import { startTestSandbox } from '../helpers/sandbox';
import { envelopeEntry } from './envelope-entry';
import { makeTempDir } from '../helpers/temp-dir';

const run = promisify(execFile);
const bin = envelopeEntry;
const REGION = 'us-west-2';

async function envelope(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env,
      timeout: 120_000,
      maxBuffer: 32 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('plans built offline from the cached inventory', () => {
  it('plans a migration with no network, says the cache’s age, and imports offline', async () => {
    const dataDir = makeTempDir('envelope-offline-plan-');
    const sandbox = await startTestSandbox({ scenario: 'avi-lab' });
    const env = {
      ...sandbox.env,
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      ENVELOPE_DATA_DIR: dataDir,
    };
    const scan = await envelope(
      [
        'inventory',
        '--json',
        '--endpoint-url',
        sandbox.endpoint,
        '--profile',
        'environment',
        '--regions',
        REGION,
      ],
      env,
    );
    expect(scan.code).toBe(0);
    await sandbox.close(); // from here on, AWS is unreachable

    const controller = aviLab.ids.controllerInstanceIds[0]!;
    const file = join(dataDir, 'offline-plan.json');
    const planned = await envelope(
      [
        'plan',
        'export',
        '--kind',
        'migration',
        '--offline',
        '--profile',
        'environment',
        '--region',
        REGION,
        '--instance',
        controller,
        '--kms-key',
        'alias/lab-ebs',
        '--output',
        file,
      ],
      env,
    );
    expect(planned.stderr).not.toMatch(/error/i);
    expect(planned.code).toBe(0);
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Plan;
    expect(plan.source).toBe('cache');
    expect(await hasValidSeal(plan)).toBe(true);
    expect(plan.warnings.join(' ')).toMatch(/Built offline from the inventory cached/);
    const volumes = plan.facts.filter((f) => f.resource === 'volume');
    expect(volumes.map((f) => f.attributes.encrypted)).toEqual([false, false]);
    expect(new Set(plan.facts.map((f) => f.readAt)).size).toBe(1); // every fact dated by the scan
    expect(plan.steps.length).toBeGreaterThan(0);

    const imported = await envelope(['plan', 'import', file, '--json'], env);
    expect(imported.code).toBe(0);

    const unknownKey = await envelope(
      [
        'plan',
        'export',
        '--kind',
        'migration',
        '--offline',
        '--profile',
        'environment',
        '--region',
        REGION,
        '--instance',
        controller,
        '--kms-key',
        'alias/avi-rsa',
      ],
      env,
    );
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toMatch(/RSA_2048; EBS encrypts only with symmetric keys/);
  });
});
