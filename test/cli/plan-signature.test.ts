// The check through the real CLI: `plan export` signs the JSON with this installation's
// key (a 0600 file for the CLI); the exported file with one changed byte and a recomputed seal is
// refused by `plan import` and `plan check` for its signature; another installation's plan shows
// as an unknown signer until `plan trust`; an unsigned plan imports with a warning.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealPlan, type Plan } from '../../shared/plans/plan-document';
import { migrationPlan } from '../core/plans/fixture';
import { makeTempDir } from '../helpers/temp-dir';
import { envelopeEntry } from './envelope-entry';

const run = promisify(execFile);
let dir: string;

async function envelope(args: string[], dataDir = join(dir, 'data')) {
  try {
    const { stdout, stderr } = await run(process.execPath, [envelopeEntry, ...args], {
      env: { ...process.env, ENVELOPE_DATA_DIR: dataDir },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

interface Imported {
  summary: { signer: { status: string; fingerprint?: string; known?: boolean; thisInstallation?: boolean } };
}

let signed: Plan;

// The export every test starts from, made once (each test stands alone, in any order).
beforeAll(async () => {
  dir = makeTempDir('envelope-plan-signature-');
  writeFileSync(join(dir, 'unsigned.json'), JSON.stringify(await migrationPlan()));
  const out = await envelope([
    'plan',
    'export',
    '--from',
    join(dir, 'unsigned.json'),
    '--output',
    join(dir, 'signed.json'),
  ]);
  expect(out.code).toBe(0);
  signed = JSON.parse(readFileSync(join(dir, 'signed.json'), 'utf8')) as Plan;
});

describe('envelope plan signatures', () => {
  it('signs on export; import names this installation', async () => {
    const fingerprint = (await envelope(['plan', 'fingerprint'])).stdout.trim();
    expect(signed.signature?.fingerprint).toBe(fingerprint);
    const imported = await envelope(['plan', 'import', join(dir, 'signed.json')]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`${fingerprint}, this installation`);
    expect(imported.stdout).toContain('does not say who made it');
  });

  it('refuses the exported plan with one changed byte and a recomputed seal', async () => {
    const { sha256: _sha256, signature, ...body } = signed;
    const resealed = await sealPlan({ ...body, title: `X${body.title.slice(1)}` });
    const forged = join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...resealed, signature }, null, 2));
    for (const command of ['import', 'check']) {
      const out = await envelope(['plan', command, forged]);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('invalid-plan');
      expect(out.stderr).toContain('signature does not match its content');
    }
  });

  it('shows another installation as unknown until trusted', async () => {
    const theirs = join(dir, 'theirs');
    const out = await envelope(
      ['plan', 'export', '--from', join(dir, 'unsigned.json'), '--output', join(dir, 'theirs.json')],
      theirs,
    );
    expect(out.code).toBe(0);
    const before = JSON.parse(
      (await envelope(['plan', 'import', join(dir, 'theirs.json'), '--json'])).stdout,
    ) as Imported;
    expect(before.summary.signer).toMatchObject({ status: 'signed', known: false, thisInstallation: false });
    const text = (await envelope(['plan', 'import', join(dir, 'theirs.json')])).stdout;
    expect(text).toContain('UNKNOWN signer');
    const fingerprint = before.summary.signer.fingerprint ?? '';
    expect((await envelope(['plan', 'trust', fingerprint])).code).toBe(0);
    const after = JSON.parse(
      (await envelope(['plan', 'import', join(dir, 'theirs.json'), '--json'])).stdout,
    ) as Imported;
    expect(after.summary.signer).toMatchObject({ status: 'signed', fingerprint, known: true });
    const bad = await envelope(['plan', 'trust', 'abc']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a signer fingerprint');
  });

  it('imports an unsigned plan with a warning', async () => {
    const out = await envelope(['plan', 'import', join(dir, 'unsigned.json')]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('UNSIGNED');
    expect(out.stdout).toContain('warning: this plan is unsigned.');
  });
});
