// Redaction for everything Envelope writes to a log: known secret values registered by the
// accounts module (exact strings), and the shapes AWS secrets take (secret access keys, session
// tokens, SSO access and refresh tokens, client secrets) wherever they appear by name.
const knownSecrets = new Set<string>();

// Called wherever core holds a secret (static keys, session tokens, SSO tokens, MFA sessions), so
// that the exact value is masked even where no field name gives it away.
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 8) knownSecrets.add(value);
}

const secretFieldPattern =
  /("?(?:aws_secret_access_key|aws_session_token|secretAccessKey|SecretAccessKey|sessionToken|SessionToken|accessToken|refreshToken|clientSecret|client_secret|access_token|refresh_token|password|authorization|x-amz-security-token)"?\s*[:=]\s*"?)([^"\s,}]+)/gi;

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out.replace(secretFieldPattern, (_m, prefix: string) => `${prefix}${REDACTED}`);
}

// Deep-copies a value with every string redacted and every secret-named field masked.
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = /secret|token|password|credential/i.test(key) ? REDACTED : redactValue(item, depth + 1);
  }
  return out;
}
