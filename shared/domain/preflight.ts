// The preflight: before a plan runs, each distinct mutating call it will make is sent once with
// DryRun on the real resources (electron/core/preflight), and AWS's answer is written into the plan.
// Calls DryRun cannot answer are taken from the key-policy analysis or, last, an IAM simulation,
// and each row says which.
import { z } from 'zod';

export const preflightRowSchema = z.object({
  // The API call, as service:Action (ec2:AttachVolume, kms:CreateGrant).
  call: z.string(),
  // What it was sent on (ids, key), in words.
  target: z.string(),
  // How the answer was obtained.
  method: z.enum(['dry-run', 'key-policy-analysis', 'simulation']),
  result: z.enum(['allowed', 'denied', 'could-not-check']),
  // Why: the decoded authorization message, the deciding statement, why it could not be checked.
  reason: z.string().optional(),
  // The probe stands in for a resource that does not exist yet, and says which.
  note: z.string().optional(),
  // A denial whose message the caller may not decode: the message and the command to decode it.
  encodedMessage: z.string().optional(),
  decodeCommand: z.string().optional(),
});
export type PreflightRow = z.infer<typeof preflightRowSchema>;

export const preflightSchema = z.object({
  checkedAt: z.string(), // ISO 8601
  // The principal the calls were sent as.
  checkedAs: z.string(),
  rows: z.array(preflightRowSchema),
});
export type Preflight = z.infer<typeof preflightSchema>;

export function deniedRows(preflight: Preflight | undefined): PreflightRow[] {
  return preflight?.rows.filter((r) => r.result === 'denied') ?? [];
}

// One line per row, for the CLI, the Markdown export and refusals.
export function describeRow(row: PreflightRow): string {
  const how =
    row.method === 'dry-run'
      ? 'DryRun'
      : row.method === 'simulation'
        ? 'IAM simulation'
        : 'key-policy analysis';
  const result = row.result === 'could-not-check' ? 'could not check' : row.result;
  const decode = row.decodeCommand ? ` Decode it with: ${row.decodeCommand}` : '';
  return `${row.call} on ${row.target}: ${result} (${how})${row.reason ? `: ${row.reason}` : ''}${decode}`;
}

export function preflightSummary(preflight: Preflight): string {
  const count = (r: PreflightRow['result']) => preflight.rows.filter((x) => x.result === r).length;
  return `${count('allowed')} allowed, ${count('denied')} denied, ${count('could-not-check')} could not be checked`;
}
