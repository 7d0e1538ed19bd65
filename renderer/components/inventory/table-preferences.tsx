// The resource tables' preferences: rows per page and visible columns.
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import type { TableProps } from '@cloudscape-design/components/table';

export interface TablePreferencesProps<T> {
  readonly columns: readonly TableProps.ColumnDefinition<T>[];
  readonly columnDisplay: readonly TableProps.ColumnDisplayProperties[];
  readonly pageSize: number;
  readonly onConfirm: (pageSize: number, visibleColumnIds: readonly string[]) => void;
}

const PAGE_SIZES = [10, 25, 50, 100];

export function TablePreferences<T>({
  columns,
  columnDisplay,
  pageSize,
  onConfirm,
}: TablePreferencesProps<T>) {
  return (
    <CollectionPreferences
      title="Preferences"
      confirmLabel="Apply"
      cancelLabel="Cancel"
      preferences={{ pageSize, contentDisplay: columnDisplay }}
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
      onConfirm={({ detail }) =>
        onConfirm(
          detail.pageSize ?? pageSize,
          (detail.contentDisplay ?? columnDisplay).filter((c) => c.visible).map((c) => c.id),
        )
      }
    />
  );
}
