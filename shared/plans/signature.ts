// A plan's signature: who exported it. The SHA-256 seal alone only shows that the content was not
// changed by accident (anyone can change a plan and recompute the hash); the Ed25519 signature of
// an installation's own key pair shows which installation exported it, and a changed byte (even
// with a recomputed seal) makes it fail. Verification uses WebCrypto so this file runs anywhere;
// signing lives in core (electron/core/plans/signing.ts), where the private key is.
import { z } from 'zod';
import { canonicalJson } from './canonical-json';

export const SIGNATURE_ALGORITHM = 'Ed25519';

// SHA-256 of the raw public key, as 16 groups of 4 hex digits joined by ':'.
export const FINGERPRINT_PATTERN = /^[0-9a-f]{4}(:[0-9a-f]{4}){15}$/;

export const planSignatureSchema = z.object({
  algorithm: z.literal(SIGNATURE_ALGORITHM),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'the base64 of a 32-byte Ed25519 public key'),
  fingerprint: z.string().regex(FINGERPRINT_PATTERN, 'hex groups such as 3f2a:91bc:…'),
  // Base64 of the 64-byte signature over the canonical JSON of the plan without this block
  // (so the seal is signed too).
  value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'the base64 of a 64-byte Ed25519 signature'),
});
export type PlanSignature = z.infer<typeof planSignatureSchema>;

// What an import says about the signer: unsigned, or signed by a fingerprint that is this
// installation, trusted by the user, or unknown.
export const signerInfoSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unsigned') }),
  z.object({
    status: z.literal('signed'),
    fingerprint: z.string(),
    known: z.boolean(),
    thisInstallation: z.boolean(),
  }),
]);
export type SignerInfo = z.infer<typeof signerInfoSchema>;

// What the seal and the signature prove, in the words the UI, the CLI and the README use.
export const SEAL_MEANING =
  'The SHA-256 seal proves the plan was not changed by accident since it was made; it does not say who made it (anyone can change a plan and recompute the seal).';
export const SIGNATURE_MEANING =
  'The signature proves which Envelope installation exported the plan and that not one byte changed since; trust a signer only after comparing its fingerprint with its owner.';

export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

// '3F2A 91bc-…' → '3f2a:91bc:…', or undefined when it is not 64 hex digits.
export function normalizeFingerprint(text: string): string | undefined {
  const hex = text.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length !== 64 || /[^0-9a-f\s:-]/i.test(text)) return undefined;
  return hex.match(/.{4}/g)?.join(':');
}

export async function fingerprintOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', rawPublicKey));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join(':') ?? hex;
}

// The bytes a signature covers: every field of the plan except the signature block itself.
export function signedBytes(plan: Record<string, unknown>): Uint8Array<ArrayBuffer> {
  const body: Record<string, unknown> = { ...plan };
  delete body.signature;
  return new TextEncoder().encode(canonicalJson(body));
}

// 'ok', or why it fails: the key and the fingerprint disagree, or the signature does not match.
export async function verifyPlanSignature(
  plan: Record<string, unknown> & { signature: PlanSignature },
): Promise<'ok' | 'fingerprint' | 'signature'> {
  const raw = fromBase64(plan.signature.publicKey);
  if ((await fingerprintOf(raw)) !== plan.signature.fingerprint) return 'fingerprint';
  try {
    const key = await globalThis.crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    const valid = await globalThis.crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      fromBase64(plan.signature.value),
      signedBytes(plan),
    );
    return valid ? 'ok' : 'signature';
  } catch {
    return 'signature';
  }
}
