// An ARN that wraps only where it has parts: after each ':' and '/' (a <wbr> break opportunity), so
// a narrow column shows "arn:aws:iam::123456789012:" / "user/envelope-sandbox" instead of cutting a
// name in the middle. The text copied or read aloud is the ARN unchanged.
import { Fragment } from 'react';

// The ARN cut after every ':' and '/', each piece keeping its separator.
export function arnParts(arn: string): string[] {
  return arn.split(/(?<=[:/])/);
}

export function ArnText({ arn }: { readonly arn: string }) {
  return (
    <span>
      {arnParts(arn).map((part, index) => (
        // The parts of one ARN never reorder, so their position is a stable key.
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
