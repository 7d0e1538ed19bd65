import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResourceTable } from '../../../renderer/components/inventory/resource-table';
import { stubMatchMedia } from '../stub-match-media';

interface Row {
  readonly id: string;
  readonly name: string;
}

const rows: Row[] = Array.from({ length: 120 }, (_, i) => ({ id: `vol-${1000 + i}`, name: `app-${i}` }));
const columns = [
  { id: 'id', header: 'Volume ID', cell: (r: Row) => r.id },
  { id: 'name', header: 'Name', cell: (r: Row) => r.name },
];

describe('ResourceTable filter', () => {
  beforeEach(() => stubMatchMedia());

  it('echoes what is typed and filters the rows behind it', async () => {
    render(<ResourceTable title="Volumes" items={rows} columns={columns} />);
    const box = screen.getByPlaceholderText('Find volumes');
    await userEvent.type(box, 'app-11');
    expect((box as HTMLInputElement).value).toBe('app-11');
    // app-11 and app-110 … app-119
    await waitFor(() => expect(screen.getAllByText('11 matches').length).toBeGreaterThan(0));
    expect(screen.getByText('vol-1011')).toBeTruthy();
    expect(screen.queryByText('vol-1000')).toBeNull();
  });

  it('shows every row again when the filter is cleared', async () => {
    render(<ResourceTable title="Volumes" items={rows} columns={columns} />);
    const box = screen.getByPlaceholderText('Find volumes');
    await userEvent.type(box, 'app-7');
    await waitFor(() => expect(screen.queryByText('vol-1000')).toBeNull());
    await userEvent.clear(box);
    await waitFor(() => expect(screen.getByText('vol-1000')).toBeTruthy());
    expect((box as HTMLInputElement).value).toBe('');
  });
});
