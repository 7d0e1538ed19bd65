// Column preferences for a table without pages (the inventory's tables have their own, with rows
// per page): which columns show, chosen in Cloudscape's Preferences dialog and kept across restarts
// (table-preferences-store.ts). A table with many columns hides some by default, so that what shows
// fits a 1280 px window without scrolling sideways.
import { useMemo } from 'react';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import type { TableProps } from '@cloudscape-design/components/table';
import { useTablePreferencesStore, visibleColumnsOf } from '../stores/table-preferences-store';

export interface ColumnPreferences {
  readonly columnDisplay: readonly TableProps.ColumnDisplayProperties[];
  readonly preferences: React.JSX.Element;
}

// `columns` names each column id with the label the dialog shows, in the table's order.
export function useColumnPreferences(
  tableId: string,
  columns: readonly { readonly id: string; readonly label: string }[],
  hiddenByDefault: readonly string[],
): ColumnPreferences {
  const saved = useTablePreferencesStore((s) => s.tables[tableId]);
  const save = useTablePreferencesStore((s) => s.save);
  return useMemo(() => {
    const ids = columns.map((c) => c.id);
    const visible = visibleColumnsOf(saved, ids, hiddenByDefault);
    const columnDisplay = ids.map((id) => ({ id, visible: visible.includes(id) }));
    const preferences = (
      <CollectionPreferences
        title="Preferences"
        confirmLabel="Apply"
        cancelLabel="Cancel"
        preferences={{ contentDisplay: columnDisplay }}
        contentDisplayPreference={{ title: 'Columns', options: [...columns] }}
        onConfirm={({ detail }) =>
          save(tableId, {
            visibleColumns: (detail.contentDisplay ?? columnDisplay)
              .filter((c) => c.visible)
              .map((c) => c.id),
            knownColumns: ids,
          })
        }
      />
    );
    return { columnDisplay, preferences };
  }, [columns, hiddenByDefault, save, saved, tableId]);
}
