// Long machine text (block-device mappings, ARNs, device=volume lists) with a line-break
// opportunity after each separator (= : , /), so that a table cell wraps it at a meaningful
// place instead of growing wider than the window or cutting it off. The text reads and copies
// unchanged: <wbr> adds no character.
import { Fragment } from 'react';

const AFTER_SEPARATOR = /(?<=[=:,/])/;

export function BreakableText({ text }: { readonly text: string }) {
  const parts = text.split(AFTER_SEPARATOR);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
