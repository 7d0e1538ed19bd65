// This installation's Ed25519 key pair for signing exported plans. The private key never leaves
// this module: in the app it is encrypted by the OS keychain through Electron's safeStorage (the
// SecretProtector port that electron/main passes in; core never imports electron); the CLI, the
// browser preview and sandbox-only runs keep it in a file of mode 0600 in the data directory.
// Each keeps its own key (the CLI cannot open what the keychain encrypted for the app), and every
// public key here counts as "this installation" (the *.pub files, read by all three).
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fingerprintOf, SIGNATURE_ALGORITHM, toBase64 } from '../../../shared/plans/signature';

// Electron's safeStorage, as core needs it. available() is false where the OS offers no real
// protection (no keychain, or Linux's "basic_text" backend): then the 0600 file is used.
export interface SecretProtector {
  readonly available: () => boolean;
  readonly encrypt: (plain: string) => Buffer;
  readonly decrypt: (cipher: Buffer) => string;
}

export interface InstallationKey {
  readonly privateKey: KeyObject;
  readonly publicKey: string; // base64 of the raw 32 bytes
  readonly fingerprint: string;
  readonly storage: 'os-keychain' | 'file';
}

const publicFileSchema = z.object({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  publicKey: z.string(),
  fingerprint: z.string(),
});

export const signingDir = (dataDir: string): string => join(dataDir, 'signing');

function writePrivate(path: string, data: string | Buffer): void {
  writeFileSync(`${path}.tmp`, data, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

async function describe(
  privateKey: KeyObject,
  storage: InstallationKey['storage'],
): Promise<InstallationKey> {
  const jwk = privateKey.export({ format: 'jwk' });
  const raw = new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url'));
  return { privateKey, publicKey: toBase64(raw), fingerprint: await fingerprintOf(raw), storage };
}

export class SigningKeys {
  private loaded: Promise<InstallationKey> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly protector?: SecretProtector,
  ) {}

  // Made on first use, then read from the keychain-encrypted file or the 0600 file.
  key(): Promise<InstallationKey> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  // Fingerprints of every key this data directory holds (the app's and the file one).
  ownFingerprints(): string[] {
    const dir = signingDir(this.dataDir);
    if (!existsSync(dir)) return [];
    const found: string[] = [];
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.pub'))) {
      try {
        const parsed = publicFileSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
        if (parsed.success) found.push(parsed.data.fingerprint);
      } catch {
        // An unreadable .pub names no one; the key beside it is made again on use.
      }
    }
    return found;
  }

  private async load(): Promise<InstallationKey> {
    const dir = signingDir(this.dataDir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const protector = this.protector?.available() ? this.protector : undefined;
    const base = join(dir, protector ? 'app-key' : 'key');
    const path = `${base}${protector ? '.enc' : '.pem'}`;
    const existing = this.read(path, protector);
    if (existing) return describe(existing, protector ? 'os-keychain' : 'file');
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writePrivate(path, protector ? protector.encrypt(pem) : pem);
    const key = await describe(privateKey, protector ? 'os-keychain' : 'file');
    const pub = { algorithm: SIGNATURE_ALGORITHM, publicKey: key.publicKey, fingerprint: key.fingerprint };
    writeFileSync(`${base}.pub`, `${JSON.stringify(pub, null, 2)}\n`, { mode: 0o644 });
    return key;
  }

  // The key on disk, or undefined when there is none or it cannot be opened (a keychain that was
  // reset, a damaged file): that file is set aside, not deleted, and a new key is made.
  private read(path: string, protector: SecretProtector | undefined): KeyObject | undefined {
    if (!existsSync(path)) return undefined;
    try {
      if (!protector && process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0)
        chmodSync(path, 0o600);
      const bytes = readFileSync(path);
      const pem = protector ? protector.decrypt(bytes) : bytes.toString('utf8');
      const key = createPrivateKey(pem);
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
      return key;
    } catch {
      renameSync(path, `${path}.unreadable-${Date.now()}`);
      return undefined;
    }
  }
}
