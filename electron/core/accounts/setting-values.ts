// Values in ~/.aws/config the SDK takes as they are and only fails on later, after retries, as a
// DNS error or a hang: a region that is no AWS region name (an availability zone such as
// us-east-1a gives sts.us-east-1a.amazonaws.com, which does not resolve) and an endpoint_url that is no http(s) URL. Envelope checks them when it reads the file, so the
// user is told which file and which line to fix before anything is sent.

// The region names of every AWS partition, as the SDK's own partition table matches them
// (@aws-sdk/core, submodules/client: partitionsInfo.partitions[].regionRegex, i.e. AWS's
// partitions.json: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc),
// plus the partitions' global pseudo-regions (aws-global, aws-cn-global, …) listed there too.
// The table's \w is narrowed to lower-case letters: a region is signed into every request (SigV4's
// credential scope), so US-EAST-1 reaches the right host and still fails every signature.
// A name that fits but does not exist (us-est-1) is left to AWS: a new region must never be
// refused because Envelope's copy of the table is older.
const partitionRegionPatterns: readonly RegExp[] = [
  /^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$/,
  /^cn-[a-z]+-\d+$/,
  /^eu-isoe-[a-z]+-\d+$/,
  /^eusc-(de)-[a-z]+-\d+$/,
  /^us-gov-[a-z]+-\d+$/,
  /^us-iso-[a-z]+-\d+$/,
  /^us-isob-[a-z]+-\d+$/,
  /^us-isof-[a-z]+-\d+$/,
];
const globalPseudoRegion = /^aws(-[a-z]+)*-global$/;

export function isRegionName(value: string): boolean {
  return globalPseudoRegion.test(value) || partitionRegionPatterns.some((p) => p.test(value));
}

export function isEndpointUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// The message for a bad value of one of the keys above, or undefined when the value is fine
// (or the key is none of them).
export function badSettingValue(key: string, value: string): string | undefined {
  if ((key === 'region' || key === 'sso_region') && !isRegionName(value))
    return `${key} = ${value} is not an AWS region name (such as us-east-1 or eu-west-2).`;
  if (key === 'endpoint_url' && !isEndpointUrl(value))
    return `endpoint_url = ${value} is not an http:// or https:// URL.`;
  return undefined;
}
