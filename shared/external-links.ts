// The only places Envelope sends a person's browser: AWS documentation, the AWS console and
// IAM Identity Center's device-login pages. Parsed with URL, never compared by prefix, so
// "https://docs.aws.amazon.com.evil.example" does not pass.
const allowedHosts = [
  /^docs\.aws\.amazon\.com$/,
  /^([a-z0-9-]+\.)?console\.aws\.amazon\.com$/,
  /^aws\.amazon\.com$/,
  /^device\.sso\.[a-z0-9-]+\.amazonaws\.com$/,
  /^[a-z0-9-]+\.awsapps\.com$/,
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return allowedHosts.some((host) => host.test(url.hostname));
}
