// Long machine text (block-device mappings, ARNs, device=volume lists) with a line-break
// opportunity after each separator (= : , /), so that a table cell wraps it at a meaningful
// place instead of growing wider than the window or cutting it off. The text reads and copies
// unchanged: <wbr> adds no character.
//
// With `wholePieces`, each piece between separators (and spaces) is also kept whole in a no-wrap
// span: a squeezed table column then shows "i-0bc3dd46e337403a4b", "avi-controller-1" and
// "us-west-2" on one line each and breaks "/dev/sda1=vol-…, /dev/sdb=vol-…" after its commas and
// equals signs, never at a hyphen (issue 20: nothing scrolls sideways, nothing breaks mid-word).
import { Fragment } from 'react';

const AFTER_SEPARATOR = /(?<=[=:,/])/;
const AFTER_SEPARATOR_OR_SPACE = /(?<=[=:,/\s])/;
const wholePiece = { whiteSpace: 'nowrap' } as const;

export function BreakableText({
  text,
  wholePieces = false,
}: {
  readonly text: string;
  readonly wholePieces?: boolean;
}) {
  const parts = text.split(wholePieces ? AFTER_SEPARATOR_OR_SPACE : AFTER_SEPARATOR);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {wholePieces ? <span style={wholePiece}>{part}</span> : part}
        </Fragment>
      ))}
    </>
  );
}

// A table cell of such text with whole pieces, or '' when there is none.
export const breakable = (text: string | undefined): React.JSX.Element | string =>
  text ? <BreakableText text={text} wholePieces /> : '';
