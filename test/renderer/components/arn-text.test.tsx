// ARNs wrap only after ':' or '/' (issue L item 16): the principal ARN on the Overview and Accounts
// pages, key ARNs in a copy's result, role ARNs of profiles.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ArnText } from '../../../renderer/components/arn-text';

const PRINCIPAL = 'arn:aws:iam::123456789012:user/envelope-sandbox';
const KEY = 'arn:aws:kms:us-west-2:123456789012:key/186ddc6d-c220-4899-b12a-965f26cb1204';

// The text just before each break opportunity (<wbr>) the ARN offers.
function textBeforeEachBreak(container: HTMLElement): string[] {
  const wrapper = container.firstElementChild!;
  const before: string[] = [];
  let text = '';
  for (const node of Array.from(wrapper.childNodes)) {
    if (node.nodeName === 'WBR') before.push(text);
    else text += node.textContent ?? '';
  }
  return before;
}

describe('ArnText', () => {
  it('offers a line break after every ":" and "/" and nowhere else', () => {
    const { container } = render(<ArnText arn={KEY} />);
    const breaks = textBeforeEachBreak(container);
    // arn: aws: kms: us-west-2: 123456789012: key/ 186ddc6d-…
    expect(breaks).toHaveLength(6);
    for (const text of breaks) expect(text).toMatch(/[:/]$/);
    // Names (the region, the key id with its hyphens) are never split.
    expect(breaks.some((text) => text.endsWith('-'))).toBe(false);
    expect(breaks.at(-1)).toBe('arn:aws:kms:us-west-2:123456789012:key/');
  });

  it('breaks a principal between its account and its user, not inside the name', () => {
    const { container } = render(<ArnText arn={PRINCIPAL} />);
    expect(textBeforeEachBreak(container).at(-1)).toBe('arn:aws:iam::123456789012:user/');
  });

  it('reads as the ARN unchanged, in one element', () => {
    const { container } = render(<ArnText arn={PRINCIPAL} />);
    expect(container.children).toHaveLength(1);
    expect(container.textContent).toBe(PRINCIPAL);
  });
});
