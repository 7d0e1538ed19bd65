// Signing plans on export and saying who signed an imported one. The signature covers the
// canonical JSON of the whole sealed plan (seal included), so changing any byte and recomputing the
// seal still fails verification (shared/plans/plan-import.ts refuses it).
import { sign } from 'node:crypto';
import type { Plan } from '../../../shared/plans/plan-document';
import {
  normalizeFingerprint,
  signedBytes,
  SIGNATURE_ALGORITHM,
  toBase64,
  type SignerInfo,
} from '../../../shared/plans/signature';
import { AppError } from '../errors/app-error';
import { SigningKeys, type SecretProtector } from './signing-keys';
import { TrustedSigners } from './trusted-signers';

export class PlanSigner {
  private readonly keys: SigningKeys;
  private readonly trusted: TrustedSigners;

  constructor(dataDir: string, protector?: SecretProtector) {
    this.keys = new SigningKeys(dataDir, protector);
    this.trusted = new TrustedSigners(dataDir);
  }

  // The plan with this installation's signature (any earlier signature is replaced: the exporter
  // is who vouches for the file it hands over; an import already verified the earlier one).
  async sign(plan: Plan): Promise<Plan> {
    const key = await this.keys.key();
    const value = sign(null, signedBytes(plan), key.privateKey);
    return {
      ...plan,
      signature: {
        algorithm: SIGNATURE_ALGORITHM,
        publicKey: key.publicKey,
        fingerprint: key.fingerprint,
        value: toBase64(new Uint8Array(value)),
      },
    };
  }

  // This installation's fingerprint (made on first use).
  async fingerprint(): Promise<string> {
    return (await this.keys.key()).fingerprint;
  }

  // For a plan whose signature was already verified by the import.
  signerOf(plan: Plan): SignerInfo {
    const fingerprint = plan.signature?.fingerprint;
    if (!fingerprint) return { status: 'unsigned' };
    const thisInstallation = this.keys.ownFingerprints().includes(fingerprint);
    return {
      status: 'signed',
      fingerprint,
      thisInstallation,
      known: thisInstallation || this.trusted.has(fingerprint),
    };
  }

  trust(text: string): { fingerprint: string } {
    const fingerprint = normalizeFingerprint(text);
    if (!fingerprint)
      throw new AppError(
        'invalid-argument',
        `“${text.slice(0, 100)}” is not a signer fingerprint.`,
        'Give the 64 hex digits the import shows (groups such as 3f2a:91bc:…, separators optional).',
      );
    this.trusted.add(fingerprint);
    return { fingerprint };
  }
}
