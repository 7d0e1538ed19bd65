// Each table's preferences (rows per page, visible columns), chosen in its Preferences dialog and
// kept across restarts in the window's localStorage by zustand's persist middleware. A table with
// no saved choice shows its default columns: the ones that fit beside each other at 1280 px.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface TablePreference {
  // Rows per page, for a table with pages.
  readonly pageSize?: number;
  // In the order the table's columns are defined; a column added later shows by its default.
  readonly visibleColumns: readonly string[];
  // Every column the table had when the choice was made: a column not listed is a new one.
  readonly knownColumns: readonly string[];
}

interface TablePreferencesState {
  // By table id (e.g. "inventory-volumes").
  readonly tables: Readonly<Record<string, TablePreference>>;
  save: (tableId: string, preference: TablePreference) => void;
}

export const useTablePreferencesStore = create<TablePreferencesState>()(
  persist(
    (set) => ({
      tables: {},
      save: (tableId, preference) => set((state) => ({ tables: { ...state.tables, [tableId]: preference } })),
    }),
    {
      name: 'envelope-table-preferences',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ tables: state.tables }),
    },
  ),
);

// The columns to show: the saved choice, plus any column the table gained since (by its default).
export function visibleColumnsOf(
  saved: TablePreference | undefined,
  columnIds: readonly string[],
  hiddenByDefault: readonly string[],
): readonly string[] {
  return columnIds.filter((id) =>
    saved && saved.knownColumns.includes(id)
      ? saved.visibleColumns.includes(id)
      : !hiddenByDefault.includes(id),
  );
}
