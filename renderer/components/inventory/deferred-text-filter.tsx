// A TextFilter that owns what is typed: each key repaints only this box, and the (possibly large)
// table behind it filters in a transition, which React drops when the next key comes. Keeps
// typing responsive over 10,000 rows (bench/renderer, P3).
import { startTransition, useState } from 'react';
import TextFilter, { type TextFilterProps } from '@cloudscape-design/components/text-filter';

export interface DeferredTextFilterProps {
  readonly filteringText: string;
  readonly onChange: (filteringText: string) => void;
  readonly filteringPlaceholder: string;
  readonly countText: string;
}

export function DeferredTextFilter({
  filteringText,
  onChange,
  filteringPlaceholder,
  countText,
}: DeferredTextFilterProps) {
  const [typed, setTyped] = useState(filteringText);
  const [applied, setApplied] = useState(filteringText);
  // The collection cleared or set the filter itself (e.g. "Clear filter"): show what it holds.
  if (filteringText !== applied) {
    setApplied(filteringText);
    setTyped(filteringText);
  }
  const change: TextFilterProps['onChange'] = ({ detail }) => {
    setTyped(detail.filteringText);
    startTransition(() => {
      setApplied(detail.filteringText);
      onChange(detail.filteringText);
    });
  };
  return (
    <TextFilter
      filteringText={typed}
      onChange={change}
      filteringPlaceholder={filteringPlaceholder}
      countText={countText}
    />
  );
}
