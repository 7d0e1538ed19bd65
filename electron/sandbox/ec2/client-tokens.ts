// Idempotency (EC2 "Ensuring idempotency"): a repeated request with the same ClientToken returns
// the resource the first one created instead of creating another. Tokens are per account,
// region and action; kept beside the world (AWS forgets them after a while too).
import type { CallContext } from '../context';
import type { SandboxWorld } from '../world';
import { regionKey } from './scope';

const tokens = new WeakMap<SandboxWorld, Map<string, string>>();

function tableOf(world: SandboxWorld): Map<string, string> {
  let table = tokens.get(world);
  if (!table) tokens.set(world, (table = new Map<string, string>()));
  return table;
}

export function rememberedResult(
  ctx: CallContext,
  action: string,
  token: string | undefined,
): string | undefined {
  return token ? tableOf(ctx.world).get(`${regionKey(ctx)}/${action}/${token}`) : undefined;
}

export function remember(ctx: CallContext, action: string, token: string | undefined, result: string): void {
  if (token) tableOf(ctx.world).set(`${regionKey(ctx)}/${action}/${token}`, result);
}
