// The IAM identity policies the sandbox knows for a caller. An assumed-role session
// (arn:aws:sts::A:assumed-role/NAME/SESSION) carries its role's policies; the role is found by
// account and name because the session ARN drops the role's path.
import { parsePolicy, type PolicyDocument } from '../../../shared/policy';
import type { IamPrincipal, SandboxWorld } from '../world';

const SESSION_ARN = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

export function findPrincipal(world: SandboxWorld, arn: string): IamPrincipal | undefined {
  const direct = world.principals.get(arn);
  if (direct) return direct;
  const session = SESSION_ARN.exec(arn);
  if (!session) return undefined;
  const [, account, roleName] = session;
  for (const principal of world.principals.values()) {
    if (
      principal.accountId === account &&
      principal.arn.includes(':role/') &&
      principal.arn.endsWith(`/${roleName}`)
    ) {
      return principal;
    }
  }
  return undefined;
}

// Managed and inline policies together. Unparseable documents are skipped: the sandbox only
// stores policies that parsed when added.
export function identityPoliciesOf(world: SandboxWorld, arn: string): PolicyDocument[] {
  const principal = findPrincipal(world, arn);
  if (!principal) return [];
  return [...principal.policies, ...Object.values(principal.inlinePolicies ?? {})].flatMap((text) => {
    const parsed = parsePolicy(text);
    return parsed.ok ? [parsed.policy] : [];
  });
}
