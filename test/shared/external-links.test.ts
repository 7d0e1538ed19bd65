import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../shared/external-links';

describe('external link allow-list', () => {
  it.each([
    'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    'https://console.aws.amazon.com/ec2/home',
    'https://us-west-2.console.aws.amazon.com/kms/home',
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
    'https://my-org.awsapps.com/start',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://docs.aws.amazon.com/',
    'https://docs.aws.amazon.com.evil.example/',
    'https://evil.example/?docs.aws.amazon.com',
    'https://user:pass@docs.aws.amazon.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
