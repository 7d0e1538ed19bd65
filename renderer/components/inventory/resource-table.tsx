// One Cloudscape table for every resource kind, with the collection hooks: text filter, sorting,
// pagination and column preferences (visible columns, page size). Built for 10,000 rows
// (bench/renderer, P3): the filter matches a per-row index (search-text.ts), and everything handed
// to Table is memoized so that only a change of filter, sort, page or selection re-renders rows.
// Rows are keyed by their line on the page (Table without trackBy), so a keystroke in the filter
// updates 25 lines in place instead of unmounting them and mounting 25 others; selection then
// compares items by identity, which holds since the item arrays are memoized per inventory.
// Nothing scrolls sideways at 1280 px (issue 20): lines wrap, the table lays its columns out to its
// width (no fixed, resizable widths), and the columns shown by default are the ones that fit; the
// Preferences dialog shows the others, and the choice is kept (table-preferences-store.ts).
import { useCallback, useEffect, useMemo } from 'react';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { DeferredTextFilter } from './deferred-text-filter';
import { TablePreferences } from './table-preferences';
import { createSearchFilter, warmSearchText } from './search-text';
import { useTablePreferencesStore, visibleColumnsOf } from '../../stores/table-preferences-store';

export interface ResourceTableProps<T extends object> {
  readonly title: string;
  readonly items: readonly T[];
  // The items are still on their way: an empty table that says so.
  readonly loading?: boolean;
  readonly columns: readonly TableProps.ColumnDefinition<T>[];
  readonly selected?: T | undefined;
  readonly onSelect?: (item: T | undefined) => void;
  // Text the filter should also match that the item does not hold (e.g. a key's alias).
  readonly searchExtra?: (item: T) => string;
  // Columns the Preferences dialog offers but the table does not show until asked.
  readonly hiddenByDefault?: readonly string[];
}

const NO_COLUMNS: readonly string[] = [];

// 25 rows by default, as Cloudscape's own examples: every row is dozens of elements.
const DEFAULT_PAGE_SIZE = 25;

export function ResourceTable<T extends object>({
  title,
  items,
  loading = false,
  columns,
  selected,
  onSelect,
  searchExtra,
  hiddenByDefault = NO_COLUMNS,
}: ResourceTableProps<T>) {
  const tableId = `inventory-${title.toLowerCase().replace(/\W+/g, '-')}`;
  const saved = useTablePreferencesStore((s) => s.tables[tableId]);
  const savePreference = useTablePreferencesStore((s) => s.save);
  const pageSize = saved?.pageSize ?? DEFAULT_PAGE_SIZE;
  const columnIds = useMemo(() => columns.map((c) => c.id ?? ''), [columns]);
  const visible = useMemo(
    () => visibleColumnsOf(saved, columnIds, hiddenByDefault),
    [saved, columnIds, hiddenByDefault],
  );
  const filteringFunction = useMemo(() => createSearchFilter(searchExtra), [searchExtra]);
  useEffect(() => warmSearchText(items, searchExtra), [items, searchExtra]);
  const {
    items: shown,
    filteredItemsCount,
    collectionProps,
    filterProps,
    actions,
    paginationProps,
  } = useCollection(items, {
    filtering: { empty: `No ${title.toLowerCase()}`, noMatch: 'No match', filteringFunction },
    sorting: {},
    pagination: { pageSize },
  });
  const columnDisplay = useMemo(
    () => columns.map((c) => ({ id: c.id ?? '', visible: visible.includes(c.id ?? '') })),
    [columns, visible],
  );
  // Cloudscape's actions are memoized once per collection: safe to hand on without `actions`.
  const setFiltering = useCallback((text: string) => actions.setFiltering(text), [actions]);
  const header = useMemo(
    () => <Header counter={loading ? undefined : `(${items.length})`}>{title}</Header>,
    [items.length, loading, title],
  );
  const countText = `${filteredItemsCount ?? 0} matches`;
  const filter = useMemo(
    () => (
      <DeferredTextFilter
        filteringText={filterProps.filteringText}
        onChange={setFiltering}
        filteringPlaceholder={`Find ${title.toLowerCase()}`}
        countText={countText}
      />
    ),
    [filterProps.filteringText, setFiltering, title, countText],
  );
  const preferences = useMemo(
    () => (
      <TablePreferences
        columns={columns}
        columnDisplay={columnDisplay}
        pageSize={pageSize}
        onConfirm={(size, ids) =>
          savePreference(tableId, { pageSize: size, visibleColumns: ids, knownColumns: columnIds })
        }
      />
    ),
    [columns, columnDisplay, pageSize, savePreference, tableId, columnIds],
  );
  const selectedItems = useMemo(() => (selected ? [selected] : []), [selected]);
  const selection: Partial<TableProps<T>> = onSelect
    ? {
        selectionType: 'single',
        selectedItems,
        onSelectionChange: ({ detail }) => onSelect(detail.selectedItems[0]),
      }
    : {};
  return (
    <Table<T>
      {...collectionProps}
      items={shown}
      columnDefinitions={columns}
      columnDisplay={columnDisplay}
      loading={loading}
      loadingText={`Loading ${title.toLowerCase()}`}
      variant="full-page"
      wrapLines
      header={header}
      filter={filter}
      pagination={<Pagination {...paginationProps} />}
      {...selection}
      preferences={preferences}
    />
  );
}
