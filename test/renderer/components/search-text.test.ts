import { describe, expect, it } from 'vitest';
import { createSearchFilter, searchTextOf } from '../../../renderer/components/inventory/search-text';

const volume = {
  id: 'vol-0ABC',
  name: 'Data',
  sizeGiB: 64,
  encrypted: false,
  kmsKeyId: undefined,
  attachments: [{ instanceId: 'i-0123', device: '/dev/xvdf' }],
};

describe('search text', () => {
  it('holds every value, nested attachments included, lowercased', () => {
    const text = searchTextOf(volume);
    for (const part of ['vol-0abc', 'data', '64', 'false', 'i-0123', '/dev/xvdf'])
      expect(text).toContain(part);
  });

  it('filters case-insensitively, never across two values, with extra text the row shows', () => {
    const match = createSearchFilter<typeof volume>(() => 'alias/app-key');
    const other = { ...volume };
    expect(match(other, 'I-0123')).toBe(true);
    expect(match(other, 'alias/app')).toBe(true);
    expect(match(other, 'data64')).toBe(false);
    expect(match(other, '')).toBe(true);
    expect(match(other, 'nothing')).toBe(false);
  });
});
