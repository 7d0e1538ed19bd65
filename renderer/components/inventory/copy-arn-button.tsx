// The copy button beside a key. Cloudscape's CopyToClipboard is a Button inside a Popover, with
// several hooks and document-wide observers each; a table page holds dozens of them, which made
// the 10,000-row volume table slow (bench/renderer, P3). This shows a plain button with the same
// icon and size, and mounts the real CopyToClipboard only once the pointer or the focus reaches
// it, so copying and its "ARN copied" popover behave exactly as Cloudscape's.
import { useEffect, useRef, useState } from 'react';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Icon from '@cloudscape-design/components/icon';

export interface CopyArnButtonProps {
  readonly arn: string;
  readonly label: string;
}

// What brought the real button in: the pointer (nothing more to do), the keyboard focus (move
// the focus onto it) or a click that arrived first (pass the click on).
type Armed = 'no' | 'pointer' | 'focus' | 'click';

// The box of Cloudscape's icon button (4px padding, 2px border, a 16px icon on a 20px line), so
// nothing moves when it replaces this one.
const placeholderStyle = {
  padding: 4,
  border: '2px solid transparent',
  borderRadius: 20,
  background: 'transparent',
  lineHeight: '20px',
  cursor: 'pointer',
  display: 'inline-block',
} as const;

export function CopyArnButton({ arn, label }: CopyArnButtonProps) {
  const [armed, setArmed] = useState<Armed>('no');
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const button = root.current?.querySelector('button');
    if (armed === 'focus') button?.focus();
    if (armed === 'click') button?.click();
  }, [armed]);
  const ariaLabel = `Copy the ARN of ${label}`;
  return (
    <span ref={root} style={{ display: 'inline-block' }}>
      {armed === 'no' ? (
        <button
          type="button"
          aria-label={ariaLabel}
          title={ariaLabel}
          style={placeholderStyle}
          onPointerEnter={() => setArmed('pointer')}
          onFocus={() => setArmed('focus')}
          onClick={() => setArmed('click')}
        >
          <Icon name="copy" variant="subtle" />
        </button>
      ) : (
        <CopyToClipboard
          variant="icon"
          textToCopy={arn}
          copyButtonAriaLabel={ariaLabel}
          copySuccessText="ARN copied"
          copyErrorText="Could not copy"
        />
      )}
    </span>
  );
}
