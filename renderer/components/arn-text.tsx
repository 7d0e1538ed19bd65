// An ARN that wraps only where it has parts: after each ':' and '/', so a narrow column shows
// "arn:aws:iam::123456789012:" / "user/envelope-sandbox" instead of cutting a name in the middle.
// The breaking is BreakableText's (a <wbr> after each separator); the wrapper keeps the ARN one
// element, and the text copied or read aloud is the ARN unchanged.
import { BreakableText } from './breakable-text';

export function ArnText({ arn }: { readonly arn: string }) {
  return (
    <span>
      <BreakableText text={arn} />
    </span>
  );
}
