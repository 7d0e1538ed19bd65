// Who sees what: EC2 resources belong to one account in one region, and every call acts in the
// caller's account and the region it was sent to. Also the one timestamp format EC2 writes.
import type { CallContext } from '../context';

export interface Owned {
  readonly region: string;
  readonly accountId?: string;
  readonly ownerId?: string;
}

export function isMine(ctx: CallContext, r: Owned): boolean {
  return r.region === ctx.region && (r.accountId ?? r.ownerId) === ctx.accountId;
}

// EC2 writes xsd:dateTime with milliseconds: 2024-05-01T12:00:00.000Z.
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function regionKey(ctx: Pick<CallContext, 'accountId' | 'region'>): string {
  return `${ctx.accountId}/${ctx.region}`;
}

// EC2 list elements: { item: [...] } (an empty list still writes the element, as AWS does).
export function itemList<T>(items: readonly T[]): { item: T[] } {
  return { item: [...items] };
}
