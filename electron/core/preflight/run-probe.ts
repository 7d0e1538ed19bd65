// Sends one probe and reads AWS's answer. EC2 (API reference, every mutating action's DryRun):
// DryRunOperation when the caller may, UnauthorizedOperation (403) with "Encoded authorization
// failure message: …" when not. KMS (developer guide, "Testing your permissions"):
// DryRunOperationException when it would succeed, AccessDeniedException when not. Anything else
// means the probe could not answer (a parameter, a resource gone, the network), said as such.
// A refusal's encoded message is decoded with sts:DecodeAuthorizationMessage when the caller may;
// otherwise the row carries the message and the command that decodes it.
import { DecodeAuthorizationMessageCommand } from '@aws-sdk/client-sts';
import type { PreflightRow } from '../../../shared/domain/preflight';
import type { PreflightContext, Probe } from './preflight-context';

const ENCODED = /Encoded authorization failure message: ([A-Za-z0-9_-]+)/;
const DENIED = new Set(['UnauthorizedOperation', 'AccessDeniedException', 'AccessDenied']);
const ALLOWED = new Set(['DryRunOperation', 'DryRunOperationException']);

interface AwsErrorLike {
  readonly name?: string;
  readonly message?: string;
}

export function decodeCommand(encoded: string): string {
  return `aws sts decode-authorization-message --encoded-message ${encoded} --query DecodedMessage --output text`;
}

interface DecodedMessage {
  readonly explicitDeny?: boolean;
  readonly matchedStatements?: { readonly items?: readonly { readonly statementId?: string }[] };
  readonly context?: { readonly action?: string; readonly resource?: string };
}

// The decision in words: who refused what, and whether a statement denies it or nothing allows it.
export function reasonOf(decoded: DecodedMessage): string {
  const what = `${decoded.context?.action ?? 'the action'} on ${decoded.context?.resource ?? 'the resource'}`;
  if (!decoded.explicitDeny) return `no policy allows ${what}`;
  const sid = decoded.matchedStatements?.items?.[0]?.statementId;
  return `${what} is explicitly denied${sid ? ` by statement “${sid}”` : ''}`;
}

async function decode(ctx: PreflightContext, encoded: string): Promise<Partial<PreflightRow>> {
  try {
    const answer = await ctx.sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }));
    const decoded = JSON.parse(answer.DecodedMessage ?? '{}') as DecodedMessage;
    return { reason: reasonOf(decoded) };
  } catch (error) {
    const why = (error as AwsErrorLike).name ?? 'error';
    return {
      reason: `AWS refused it; the reason is encoded and could not be decoded here (sts:DecodeAuthorizationMessage: ${why}). Decode it with the command below.`,
      encodedMessage: encoded,
      decodeCommand: decodeCommand(encoded),
    };
  }
}

export async function runProbe(ctx: PreflightContext, probe: Probe): Promise<PreflightRow> {
  const base = {
    call: probe.call,
    target: probe.target,
    method: 'dry-run' as const,
    ...(probe.note ? { note: probe.note } : {}),
  };
  try {
    await probe.send();
    return {
      ...base,
      result: 'could-not-check',
      reason: 'AWS answered without DryRunOperation: the service did not honour DryRun.',
    };
  } catch (error) {
    const e = error as AwsErrorLike;
    const name = e.name ?? 'Error';
    const message = e.message ?? '';
    if (ALLOWED.has(name)) return { ...base, result: 'allowed' };
    if (DENIED.has(name)) {
      const encoded = ENCODED.exec(message)?.[1];
      if (encoded) return { ...base, result: 'denied', ...(await decode(ctx, encoded)) };
      return { ...base, result: 'denied', reason: message || name };
    }
    return { ...base, result: 'could-not-check', reason: `${name}: ${message}`.trim() };
  }
}
