// Owner selectors of DescribeImages (Owner.N) and DescribeSnapshots (Owner.N): 'self', 'amazon',
// 'aws-marketplace' or an account id.
import type { CallContext } from '../context';

// Accounts whose images and snapshots EC2 reports with owner alias 'amazon' (Amazon Linux,
// Windows, EKS-optimized AMIs), and the Marketplace account.
const AMAZON_OWNER_IDS = new Set([
  '137112412989',
  '801119661308',
  '591542846629',
  '602401143452',
  '898082745236',
]);
const MARKETPLACE_OWNER_IDS = new Set(['679593333241']);

export function ownerAlias(ownerId: string): string | undefined {
  if (AMAZON_OWNER_IDS.has(ownerId)) return 'amazon';
  if (MARKETPLACE_OWNER_IDS.has(ownerId)) return 'aws-marketplace';
  return undefined;
}

export function ownerMatches(ctx: CallContext, selector: string, ownerId: string): boolean {
  if (selector === 'self') return ownerId === ctx.accountId;
  if (selector === 'amazon' || selector === 'aws-marketplace') return ownerAlias(ownerId) === selector;
  return ownerId === selector;
}
