import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorAlert } from '../../../renderer/components/error-alert';

describe('ErrorAlert', () => {
  it('shows the message and the hint, and no code or stack', () => {
    const { container } = render(
      <ErrorAlert
        error={{
          code: 'KMSInvalidStateException',
          message: 'The key is disabled.',
          hint: 'Enable the key in KMS.',
        }}
      />,
    );
    expect(screen.getByText('The key is disabled.')).toBeTruthy();
    expect(screen.getByText('Enable the key in KMS.')).toBeTruthy();
    expect(container.textContent).not.toContain('KMSInvalidStateException');
    expect(container.textContent).not.toMatch(/\bat \w+ \(/);
  });
});
