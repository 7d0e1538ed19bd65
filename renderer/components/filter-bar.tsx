// The filter row above a table: the text filter takes the room left, and each select filter keeps
// a width of its own, wrapping to the next line when the row is full. This is the layout of
// Cloudscape's "table with select filter" demo (a flex row: the text filter grows, selects do
// not shrink).
//
// Why: in a horizontal SpaceBetween the selects shrank to their content and their inline labels
// broke mid-word ("Sever/ity", "Chec/k").
import { spaceScaledM, spaceScaledS } from '@cloudscape-design/design-tokens';
import type { ReactNode } from 'react';

export function FilterBar({ children }: { readonly children: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: spaceScaledM, rowGap: spaceScaledS }}>
      {children}
    </div>
  );
}

// The text filter: grows into the space the selects leave, up to Cloudscape's 728 px.
export function FilterBarText({ children }: { readonly children: ReactNode }) {
  return <div style={{ flex: '6 1 16rem', maxWidth: 728 }}>{children}</div>;
}

// One select filter, never narrower than `minWidth` (a CSS length fitting its label and values).
export function FilterBarSelect({
  minWidth,
  children,
}: {
  readonly minWidth: string;
  readonly children: ReactNode;
}) {
  return <div style={{ flex: `0 0 ${minWidth}`, minWidth }}>{children}</div>;
}
