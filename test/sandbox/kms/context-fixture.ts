// A CallContext over a fresh world with a frozen clock, for calling handlers directly.
import { createClock } from '../../../electron/sandbox/clock';
import { defaultRates, SANDBOX_ACCOUNT_ID } from '../../../electron/sandbox/config';
import type { CallContext } from '../../../electron/sandbox/context';
import { createWorld } from '../../../electron/sandbox/world-factory';
import type { SandboxWorld } from '../../../electron/sandbox/world';

export const ACCOUNT = SANDBOX_ACCOUNT_ID;
export const ADMIN = `arn:aws:iam::${ACCOUNT}:user/sandbox-admin`;
export const START = Date.UTC(2025, 0, 15, 12, 0, 0);

export function makeContext(
  options: { world?: SandboxWorld; region?: string; principalArn?: string; accountId?: string } = {},
): CallContext {
  const world = options.world ?? createWorld();
  const clock = createClock({ speed: 0, startAt: START });
  const principalArn =
    options.principalArn ?? [...world.principals.keys()].find((arn) => arn.includes(':user/')) ?? ADMIN;
  return {
    world,
    clock,
    rates: defaultRates,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? world.defaultAccountId,
    principalArn,
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    requestId: '00000000-0000-4000-8000-000000000000',
  };
}

// The same world seen from another region or by another principal.
export function withCaller(
  ctx: CallContext,
  changes: Partial<Pick<CallContext, 'region' | 'principalArn' | 'accountId'>>,
): CallContext {
  return { ...ctx, ...changes };
}
