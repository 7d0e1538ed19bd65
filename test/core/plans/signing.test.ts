// Plans are signed on export with this installation's Ed25519 key. The check: an exported
// plan with one changed byte and a RECOMPUTED seal is refused for its signature. Also: the key is
// a 0600 file without a keychain and encrypted by the keychain port with one; import names the
// signer and whether it is known; trust makes a fingerprint known; unsigned plans still import.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sealPlan, type Plan, type UnsealedPlan } from '../../../shared/plans/plan-document';
import { importPlanText, importPlanValue } from '../../../shared/plans/plan-import';
import { normalizeFingerprint } from '../../../shared/plans/signature';
import { PlanSigner } from '../../../electron/core/plans/signing';
import type { SecretProtector } from '../../../electron/core/plans/signing-keys';
import { makeTempDir } from '../../helpers/temp-dir';
import { migrationPlan } from './fixture';

let dataDir: string;
beforeEach(() => {
  dataDir = makeTempDir('envelope-signing-');
});

// A stand-in for safeStorage: reversible, and visibly not plain text on disk.
const fakeKeychain = (): SecretProtector & { calls: number } => {
  const port = {
    calls: 0,
    available: () => true,
    encrypt: (plain: string) => {
      port.calls += 1;
      return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a));
    },
    decrypt: (cipher: Buffer) => {
      port.calls += 1;
      return Buffer.from(cipher.map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
  return port;
};

// Changes one byte of the title, then makes the seal match again, as a forger would.
async function forge(signed: Plan): Promise<string> {
  const { sha256: _sha256, signature, ...body } = signed;
  const changed = { ...body, title: `X${body.title.slice(1)}` } as UnsealedPlan;
  const resealed = await sealPlan(changed);
  expect(resealed.sha256).not.toBe(signed.sha256);
  return JSON.stringify({ ...resealed, signature });
}

describe('plan signatures', () => {
  it('refuses a signed plan with one changed byte and a recomputed seal', async () => {
    const signed = await new PlanSigner(dataDir).sign(await migrationPlan());
    expect((await importPlanText(JSON.stringify(signed))).ok).toBe(true);
    const result = await importPlanText(await forge(signed));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem).toContain('signature does not match');
      expect(result.problem).toContain(signed.signature?.fingerprint.slice(0, 19));
    }
  });

  it('refuses a signature block whose fingerprint is not its key, and a swapped key', async () => {
    const signed = await new PlanSigner(dataDir).sign(await migrationPlan());
    const other = await new PlanSigner(makeTempDir('envelope-signing-other-')).sign(await migrationPlan());
    const sig = signed.signature as NonNullable<Plan['signature']>;
    const wrongPrint = await importPlanValue({
      ...signed,
      signature: { ...sig, fingerprint: other.signature?.fingerprint },
    });
    expect(wrongPrint.ok ? '' : wrongPrint.problem).toContain('not that of its public key');
    // Another installation's key and fingerprint with this signature: does not verify.
    const swapped = await importPlanValue({
      ...signed,
      signature: { ...sig, publicKey: other.signature?.publicKey, fingerprint: other.signature?.fingerprint },
    });
    expect(swapped.ok ? '' : swapped.problem).toContain('signature does not match');
  });

  it('keeps the CLI key in a 0600 file and names this installation as known', async () => {
    const signer = new PlanSigner(dataDir);
    const signed = await signer.sign(await migrationPlan());
    const pem = join(dataDir, 'signing', 'key.pem');
    expect(readFileSync(pem, 'utf8')).toContain('BEGIN PRIVATE KEY');
    if (process.platform !== 'win32') expect(statSync(pem).mode & 0o777).toBe(0o600);
    expect(signed.signature?.fingerprint).toMatch(/^([0-9a-f]{4}:){15}[0-9a-f]{4}$/);
    expect(signer.signerOf(signed)).toEqual({
      status: 'signed',
      fingerprint: signed.signature?.fingerprint,
      known: true,
      thisInstallation: true,
    });
    // The same key next time: the fingerprint is stable.
    expect(await new PlanSigner(dataDir).fingerprint()).toBe(signed.signature?.fingerprint);
  });

  it('encrypts the app key with the keychain port; the CLI still knows its fingerprint', async () => {
    const keychain = fakeKeychain();
    const signed = await new PlanSigner(dataDir, keychain).sign(await migrationPlan());
    expect(keychain.calls).toBe(1);
    const files = readdirSync(join(dataDir, 'signing')).sort();
    expect(files).toEqual(['app-key.enc', 'app-key.pub']);
    expect(readFileSync(join(dataDir, 'signing', 'app-key.enc'), 'utf8')).not.toContain('PRIVATE KEY');
    // Read back through the port, the same key.
    const again = fakeKeychain();
    expect(await new PlanSigner(dataDir, again).fingerprint()).toBe(signed.signature?.fingerprint);
    expect(again.calls).toBe(1);
    // The CLI (no keychain) has its own key, and counts the app's as this installation's.
    const cli = new PlanSigner(dataDir);
    expect(await cli.fingerprint()).not.toBe(signed.signature?.fingerprint);
    expect(cli.signerOf(signed)).toMatchObject({ known: true, thisInstallation: true });
  });

  it('names an unknown signer until its fingerprint is trusted; unsigned plans import', async () => {
    const theirs = await new PlanSigner(makeTempDir('envelope-signing-theirs-')).sign(await migrationPlan());
    const mine = new PlanSigner(dataDir);
    const fingerprint = theirs.signature?.fingerprint ?? '';
    expect(mine.signerOf(theirs)).toEqual({
      status: 'signed',
      fingerprint,
      known: false,
      thisInstallation: false,
    });
    // Typed without separators and in capitals, as people copy it.
    expect(mine.trust(fingerprint.replace(/:/g, '').toUpperCase())).toEqual({ fingerprint });
    expect(new PlanSigner(dataDir).signerOf(theirs)).toMatchObject({ known: true, thisInstallation: false });
    expect(() => mine.trust('not-a-fingerprint')).toThrow('is not a signer fingerprint');
    const unsigned = await migrationPlan();
    expect((await importPlanValue(unsigned)).ok).toBe(true);
    expect(mine.signerOf(unsigned)).toEqual({ status: 'unsigned' });
  });

  it('normalizes fingerprints and refuses anything else', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeFingerprint(hex)).toBe('abab:'.repeat(15) + 'abab');
    expect(normalizeFingerprint(`${hex}0`)).toBeUndefined();
    expect(normalizeFingerprint(`zz${hex.slice(2)}`)).toBeUndefined();
  });
});
