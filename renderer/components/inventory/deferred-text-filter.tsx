// A TextFilter that owns what is typed, so a key over 10,000 rows (bench/renderer, P3) is painted
// at once and the matches follow as soon as they can:
// 1. the typed text re-renders this box only, in the key's own event;
// 2. once the frame showing it has been painted, the table filters in one uninterrupted render.
// Keys typed meanwhile only change the text that render will use (one table render per frame,
// not per key). A startTransition render instead is cut into 5 ms slices with frames in between,
// and showed the matches about 35 ms later.
import { useMemo, useState } from 'react';
import TextFilter, { type TextFilterProps } from '@cloudscape-design/components/text-filter';
import { afterNextPaint, createFrameCoalescer } from '../../bridge/frame-coalescer';

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
  // onChange is the collection's setFiltering, stable for the table's life.
  const applyAfterPaint = useMemo(
    () =>
      createFrameCoalescer((text: string) => {
        setApplied(text);
        onChange(text);
      }, afterNextPaint),
    [onChange],
  );
  const change: TextFilterProps['onChange'] = ({ detail }) => {
    setTyped(detail.filteringText);
    applyAfterPaint(detail.filteringText);
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
