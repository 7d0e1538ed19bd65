// KMS list pagination: Limit 1–1000 (default 100), Marker/NextMarker and Truncated.
import { paginate } from '../protocol/paginate';
import { optionalInteger, optionalString } from './input';

export function kmsPage<T>(
  body: Record<string, unknown>,
  items: readonly T[],
  scope: string,
): { items: T[]; Truncated: boolean; NextMarker?: string } {
  const limit = optionalInteger(body, 'Limit', 1, 1000);
  const marker = optionalString(body, 'Marker');
  const page = paginate(items, limit ?? 100, marker, {
    scope: `kms:${scope}`,
    min: 1,
    max: 1000,
    defaultSize: 100,
    tokenErrorCode: 'InvalidMarkerException',
    tokenErrorMessage: 'Invalid marker',
  });
  return page.nextToken
    ? { items: page.items, Truncated: true, NextMarker: page.nextToken }
    : { items: page.items, Truncated: false };
}
