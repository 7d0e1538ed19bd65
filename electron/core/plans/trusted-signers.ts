// The signers the user trusts: fingerprints kept in the data directory (signing/trusted-signers.json,
// mode 0600). Only public fingerprints: never a key. "This installation" is always known and needs
// no entry here.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FINGERPRINT_PATTERN } from '../../../shared/plans/signature';
import { signingDir } from './signing-keys';

const trustedFileSchema = z.object({
  version: z.literal(1),
  signers: z.array(z.object({ fingerprint: z.string().regex(FINGERPRINT_PATTERN), trustedAt: z.string() })),
});
type TrustedFile = z.infer<typeof trustedFileSchema>;

export class TrustedSigners {
  private readonly dir: string;
  private readonly path: string;

  constructor(dataDir: string) {
    this.dir = signingDir(dataDir);
    this.path = join(this.dir, 'trusted-signers.json');
  }

  list(): TrustedFile['signers'] {
    try {
      const parsed = trustedFileSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data.signers : [];
    } catch {
      return [];
    }
  }

  has(fingerprint: string): boolean {
    return this.list().some((s) => s.fingerprint === fingerprint);
  }

  // Idempotent: trusting a known fingerprint again changes nothing.
  add(fingerprint: string, now = new Date()): void {
    if (this.has(fingerprint)) return;
    const value: TrustedFile = {
      version: 1,
      signers: [...this.list(), { fingerprint, trustedAt: now.toISOString() }],
    };
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileSync(`${this.path}.tmp`, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.path}.tmp`, this.path);
  }
}
