// One Cloudscape table for every resource kind, with the collection hooks: text filter, sorting,
// pagination and column preferences (visible columns, page size).
import { useState } from 'react';
import { useCollection } from '@cloudscape-design/collection-hooks';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import Pagination from '@cloudscape-design/components/pagination';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { DeferredTextFilter } from './deferred-text-filter';

export interface ResourceTableProps<T> {
  readonly title: string;
  readonly items: readonly T[];
  readonly columns: readonly TableProps.ColumnDefinition<T>[];
  readonly trackBy: (item: T) => string;
  readonly selected?: T | undefined;
  readonly onSelect?: (item: T | undefined) => void;
}

const PAGE_SIZES = [25, 50, 100, 500];

export function ResourceTable<T>({
  title,
  items,
  columns,
  trackBy,
  selected,
  onSelect,
}: ResourceTableProps<T>) {
  const [pageSize, setPageSize] = useState(50);
  const [visible, setVisible] = useState<readonly string[]>(columns.map((c) => c.id ?? ''));
  const {
    items: shown,
    filteredItemsCount,
    collectionProps,
    filterProps,
    actions,
    paginationProps,
  } = useCollection(items, {
    filtering: { empty: `No ${title.toLowerCase()}`, noMatch: 'No match' },
    sorting: {},
    pagination: { pageSize },
  });
  return (
    <Table<T>
      {...collectionProps}
      items={shown}
      columnDefinitions={columns}
      columnDisplay={columns.map((c) => ({ id: c.id ?? '', visible: visible.includes(c.id ?? '') }))}
      trackBy={trackBy}
      variant="full-page"
      resizableColumns
      header={<Header counter={`(${items.length})`}>{title}</Header>}
      filter={
        <DeferredTextFilter
          filteringText={filterProps.filteringText}
          onChange={(text) => actions.setFiltering(text)}
          filteringPlaceholder={`Find ${title.toLowerCase()}`}
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...paginationProps} />}
      {...(onSelect
        ? {
            selectionType: 'single' as const,
            selectedItems: selected ? [selected] : [],
            onSelectionChange: ({ detail }) => onSelect(detail.selectedItems[0]),
          }
        : {})}
      preferences={
        <CollectionPreferences
          title="Preferences"
          confirmLabel="Apply"
          cancelLabel="Cancel"
          preferences={{
            pageSize,
            contentDisplay: columns.map((c) => ({ id: c.id ?? '', visible: visible.includes(c.id ?? '') })),
          }}
          pageSizePreference={{
            title: 'Rows per page',
            options: PAGE_SIZES.map((value) => ({ value, label: String(value) })),
          }}
          contentDisplayPreference={{
            title: 'Columns',
            options: columns.map((c) => ({
              id: c.id ?? '',
              label: typeof c.header === 'string' ? c.header : (c.id ?? ''),
            })),
          }}
          onConfirm={({ detail }) => {
            if (detail.pageSize) setPageSize(detail.pageSize);
            if (detail.contentDisplay)
              setVisible(detail.contentDisplay.filter((c) => c.visible).map((c) => c.id));
          }}
        />
      }
    />
  );
}
