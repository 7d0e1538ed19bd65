import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyBadge } from '../../../renderer/components/inventory/key-badge';
import type { KeyRecord } from '../../../shared/domain/inventory';
import { keyIndex } from '../../../shared/kms/key-reference';
import { stubMatchMedia } from '../stub-match-media';

const key: KeyRecord = {
  arn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
  account: '123456789012',
  aliases: ['alias/app'],
  state: 'PendingDeletion',
  spec: 'SYMMETRIC_DEFAULT',
  manager: 'CUSTOMER',
};
const keys = new Map([[key.arn, key]]);

describe('KeyBadge', () => {
  beforeEach(() => {
    stubMatchMedia();
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: vi.fn(() => Promise.resolve()) },
      configurable: true,
    });
  });

  it('shows the alias, the state and the full ARN on hover', () => {
    render(<KeyBadge keyRef={key.arn} keys={keys} />);
    expect(screen.getByText('alias/app').getAttribute('title')).toBe(key.arn);
    expect(screen.getByText('Pending deletion')).toBeTruthy();
  });

  it('finds the key whatever form the resource names it in (id, alias, alias ARN)', () => {
    const index = keyIndex([key]);
    const forms = [key.keyId, 'alias/app', 'arn:aws:kms:us-east-1:123456789012:alias/app'];
    for (const keyRef of forms) {
      const { unmount } = render(<KeyBadge keyRef={keyRef} keys={index} region="us-east-1" />);
      expect(screen.getByText('alias/app').getAttribute('title')).toBe(key.arn);
      unmount();
    }
    // The same alias name in another region is another alias.
    render(<KeyBadge keyRef="alias/app" keys={index} region="eu-west-1" />);
    expect(screen.queryByText('Pending deletion')).toBeNull();
  });

  it('shows the short id of a key it does not know', () => {
    render(<KeyBadge keyRef="arn:aws:kms:us-east-1:111122223333:key/abcd0000-1111" keys={keys} />);
    expect(screen.getByText('abcd0000')).toBeTruthy();
  });

  it('copies the ARN with Cloudscape CopyToClipboard, mounted when the button is first clicked', async () => {
    const { container } = render(<KeyBadge keyRef={key.arn} keys={keys} />);
    const placeholder = screen.getByRole('button', { name: 'Copy the ARN of alias/app' });
    expect(container.querySelector('[class*="awsui_root"] button')).toBeNull();
    fireEvent.click(placeholder);
    await waitFor(() => expect(navigator.clipboard.writeText).toHaveBeenCalledWith(key.arn));
    expect(await screen.findByText('ARN copied')).toBeTruthy();
  });

  it('swaps in the real button on hover and keeps the focus on it when reached by keyboard', async () => {
    render(<KeyBadge keyRef={key.arn} keys={keys} />);
    fireEvent.focus(screen.getByRole('button', { name: 'Copy the ARN of alias/app' }));
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Copy the ARN of alias/app'),
    );
    expect(document.activeElement?.className).toMatch(/awsui_button/);
  });
});
