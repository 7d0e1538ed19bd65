import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValue, registerSecret } from '../../../electron/core/log/redact';

describe('redaction', () => {
  it('masks registered secret values wherever they appear', () => {
    registerSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY');
    expect(redactText('key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY in a sentence')).not.toContain(
      'CANARYKEY',
    );
  });

  it('masks secret-named fields in text and in objects', () => {
    expect(redactText('{"accessToken":"abc.def.ghi","region":"eu-west-1"}')).toBe(
      `{"accessToken":"${REDACTED}","region":"eu-west-1"}`,
    );
    expect(redactText('aws_session_token = FQoGZXIvYXdzE')).toContain(REDACTED);
    expect(redactValue({ nested: { refreshToken: 'r', clientSecret: 's', region: 'x' } })).toEqual({
      nested: { refreshToken: REDACTED, clientSecret: REDACTED, region: 'x' },
    });
  });

  it('keeps ordinary text as it is', () => {
    expect(redactText('snapshot snap-0123 completed 100%')).toBe('snapshot snap-0123 completed 100%');
  });
});
