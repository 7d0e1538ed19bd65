// The findings, most severe first, filterable by severity, check and text; one row selected at a
// time shows its detail below the table.
import { useCollection } from '@cloudscape-design/collection-hooks';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import {
  checkIdSchema,
  checkTitles,
  severities,
  severityRank,
  type Finding,
} from '../../../shared/domain/diagnostics';
import { FilterBar, FilterBarSelect, FilterBarText } from '../filter-bar';
import { SeverityBadge } from './severity-badge';

const ALL: SelectProps.Option = { value: '', label: 'All' };
const severityOptions: SelectProps.Option[] = [ALL, ...severities.map((s) => ({ value: s, label: s }))];
const checkOptions: SelectProps.Option[] = [
  ALL,
  ...checkIdSchema.options.map((c) => ({ value: c, label: checkTitles[c] })),
];

export function FindingsTable(props: {
  readonly findings: readonly Finding[];
  readonly selectedId: string | undefined;
  readonly onSelect: (id: string | undefined) => void;
}) {
  const [severity, setSeverity] = useState<SelectProps.Option>(ALL);
  const [check, setCheck] = useState<SelectProps.Option>(ALL);
  const filtered = props.findings.filter(
    (f) => (!severity.value || f.severity === severity.value) && (!check.value || f.check === check.value),
  );
  const { items, collectionProps, filterProps, filteredItemsCount } = useCollection(filtered, {
    filtering: {
      filteringFunction: (f, text) =>
        [f.title, f.region, f.id, ...f.resources].some((v) => v.toLowerCase().includes(text.toLowerCase())),
    },
    sorting: {
      defaultState: {
        sortingColumn: { sortingComparator: (a, b) => severityRank(b.severity) - severityRank(a.severity) },
      },
    },
  });
  const selected = items.filter((f) => f.id === props.selectedId);
  return (
    <Table
      wrapLines
      {...collectionProps}
      items={items}
      selectionType="single"
      selectedItems={selected}
      onSelectionChange={({ detail }) => props.onSelect(detail.selectedItems[0]?.id)}
      trackBy="id"
      variant="container"
      header={<Header counter={`(${filteredItemsCount ?? items.length})`}>Findings</Header>}
      filter={
        <FilterBar>
          <FilterBarText>
            <TextFilter
              {...filterProps}
              filteringPlaceholder="Find findings"
              filteringAriaLabel="Find findings"
            />
          </FilterBarText>
          <FilterBarSelect minWidth="14rem">
            <Select
              selectedOption={severity}
              options={severityOptions}
              onChange={({ detail }) => setSeverity(detail.selectedOption)}
              ariaLabel="Severity"
              inlineLabelText="Severity"
            />
          </FilterBarSelect>
          {/* Wide enough for "Check" and the longest title, "EBS encryption by default". */}
          <FilterBarSelect minWidth="22rem">
            <Select
              selectedOption={check}
              options={checkOptions}
              onChange={({ detail }) => setCheck(detail.selectedOption)}
              ariaLabel="Check"
              inlineLabelText="Check"
            />
          </FilterBarSelect>
        </FilterBar>
      }
      columnDefinitions={[
        {
          id: 'severity',
          header: 'Severity',
          cell: (f) => <SeverityBadge severity={f.severity} />,
          sortingComparator: (a, b) => severityRank(a.severity) - severityRank(b.severity),
        },
        { id: 'check', header: 'Check', cell: (f) => checkTitles[f.check], sortingField: 'check' },
        { id: 'region', header: 'Region', cell: (f) => f.region, sortingField: 'region' },
        { id: 'title', header: 'Finding', cell: (f) => f.title },
        { id: 'fix', header: 'Fix', cell: (f) => (f.fix.action ? 'Automatic' : 'Manual') },
      ]}
      empty="No findings."
    />
  );
}
