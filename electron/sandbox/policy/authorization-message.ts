// The encoded authorization failure message EC2 puts in an UnauthorizedOperation answer, and its
// decoding by sts:DecodeAuthorizationMessage.
//
// EC2 API reference, "Error codes" (UnauthorizedOperation: "You are not authorized to perform this
// operation", HTTP 403), and the AWS knowledge-center article "ec2-not-auth-launch": the message reads
// "You are not authorized to perform this operation. Encoded authorization failure message: <blob>".
// STS API reference, DecodeAuthorizationMessage: "The message is encoded because the details of the
// authorization status can contain privileged information that the user who requested the operation
// should not see"; the decoded JSON says whether the request was denied by an explicit deny or the
// absence of an allow, the principal, the action, the resource and the condition keys' values
// (keys allowed, explicitDeny, matchedStatements, failures, context {principal, action, resource,
// conditions}, lists as {"items": […]}, as the knowledge-center example prints it).
//
// The blob is the decision's JSON sealed with AES-256-GCM under a fixed sandbox key, in base64url,
// so that it is opaque to the caller (as on AWS), needs no state in the world (a DryRun changes
// nothing) and survives a sandbox restart.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const KEY = createHash('sha256').update('envelope-sandbox/authorization-message/v1').digest();

export const UNAUTHORIZED_PREFIX =
  'You are not authorized to perform this operation. Encoded authorization failure message: ';

export interface AuthorizationStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

export interface AuthorizationDecision {
  readonly allowed: boolean;
  readonly explicitDeny: boolean;
  readonly matchedStatements: readonly AuthorizationStatement[];
  readonly principal: { readonly id: string; readonly name: string; readonly arn: string };
  readonly action: string;
  readonly resource: string;
  readonly conditions: Readonly<Record<string, readonly string[]>>;
}

const items = <T>(list: readonly T[]): { items: T[] } => ({ items: [...list] });

// The decoded message as AWS writes it.
export function decodedMessageJson(decision: AuthorizationDecision): string {
  return JSON.stringify({
    allowed: decision.allowed,
    explicitDeny: decision.explicitDeny,
    matchedStatements: items(
      decision.matchedStatements.map((s) => ({
        ...(s.sid ? { statementId: s.sid } : {}),
        effect: s.effect.toUpperCase(),
        principals: items([{ value: decision.principal.id }]),
        principalGroups: items([]),
        actions: items(s.actions.map((value) => ({ value }))),
        resources: items(s.resources.map((value) => ({ value }))),
        conditions: items([]),
      })),
    ),
    failures: items([]),
    context: {
      principal: decision.principal,
      action: decision.action,
      resource: decision.resource,
      conditions: items(
        Object.entries(decision.conditions).map(([key, values]) => ({
          key,
          values: items(values.map((value) => ({ value }))),
        })),
      ),
    },
  });
}

export function encodeAuthorizationMessage(decision: AuthorizationDecision): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  const body = Buffer.concat([cipher.update(decodedMessageJson(decision), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

// The decoded JSON text, or undefined when the blob was not made by encodeAuthorizationMessage.
export function decodeAuthorizationMessage(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  const raw = Buffer.from(encoded, 'base64url');
  if (raw.length < 29) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', KEY, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
