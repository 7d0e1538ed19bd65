// The resource tables' columns: the default set leaves out what does not fit at 1280 px, the
// Preferences dialog brings a column in, and the choice is kept in localStorage (a restart reads it).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResourceTable } from '../../../renderer/components/inventory/resource-table';
import { useTablePreferencesStore, visibleColumnsOf } from '../../../renderer/stores/table-preferences-store';
import { stubMatchMedia } from '../stub-match-media';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly az: string;
}

const rows: Row[] = [{ id: 'vol-1', name: 'data', az: 'us-west-2a' }];
const columns = [
  { id: 'id', header: 'Volume ID', cell: (r: Row) => r.id },
  { id: 'name', header: 'Name', cell: (r: Row) => r.name },
  { id: 'az', header: 'AZ', cell: (r: Row) => r.az },
];
const headers = () =>
  screen
    .getAllByRole('columnheader')
    .map((h) => h.textContent)
    .filter((t) => t);

describe('ResourceTable columns', () => {
  beforeEach(() => {
    stubMatchMedia();
    localStorage.clear();
    useTablePreferencesStore.setState({ tables: {} });
  });

  it('shows the default columns, leaving out the hidden ones', () => {
    render(<ResourceTable title="Volumes" items={rows} columns={columns} hiddenByDefault={['az']} />);
    expect(headers()).toEqual(['Volume ID', 'Name']);
  });

  it('shows a column chosen in Preferences and keeps the choice in localStorage', async () => {
    render(<ResourceTable title="Volumes" items={rows} columns={columns} hiddenByDefault={['az']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Preferences' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'AZ' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(headers()).toEqual(['Volume ID', 'Name', 'AZ']);
    const saved = JSON.parse(localStorage.getItem('envelope-table-preferences') ?? '{}') as {
      state: { tables: Record<string, { visibleColumns: string[] }> };
    };
    expect(saved.state.tables['inventory-volumes']?.visibleColumns).toEqual(['id', 'name', 'az']);
  });
});

describe('visibleColumnsOf', () => {
  const ids = ['id', 'name', 'az', 'added'];

  it('follows the defaults when nothing was saved', () => {
    expect(visibleColumnsOf(undefined, ids, ['az', 'added'])).toEqual(['id', 'name']);
  });

  it('follows the saved choice, and shows a column added since by its default', () => {
    const saved = { pageSize: 25, visibleColumns: ['id', 'az'], knownColumns: ['id', 'name', 'az'] };
    expect(visibleColumnsOf(saved, ids, ['az'])).toEqual(['id', 'az', 'added']);
    expect(visibleColumnsOf(saved, ids, ['added'])).toEqual(['id', 'az']);
  });
});
