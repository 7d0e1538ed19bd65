// The key policies AWS writes itself: the default policy CreateKey attaches when the caller sends
// none, and the policies of the AWS managed keys (aws/ebs, aws/s3). Texts as the KMS developer
// guide shows them ("Default key policy", and GetKeyPolicy on an aws/ebs key).
import { viaServiceStatement } from '../../../shared/policy/ebs-statement';

export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}

export type AwsManagedService = 'ebs' | 's3';

const SERVICE_WORDS: Record<AwsManagedService, { name: string; endpoint: string; what: string }> = {
  ebs: { name: 'EBS', endpoint: 'ec2', what: 'EBS volumes' },
  s3: { name: 'S3', endpoint: 's3', what: 'S3 objects' },
};

// What DescribeKey reports as the Description of aws/ebs and aws/s3.
export function awsManagedKeyDescription(service: AwsManagedService): string {
  return `Default key that protects my ${SERVICE_WORDS[service].what} when no other key is defined`;
}

// The AWS managed key's policy: every principal of the account may use the key, but only through
// the service in this region (kms:ViaService) and only for its own account (kms:CallerAccount);
// the account may read the key's metadata directly.
export function awsManagedKeyPolicy(service: AwsManagedService, accountId: string, region: string): string {
  const words = SERVICE_WORDS[service];
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: `auto-${service}-2`,
      Statement: [
        viaServiceStatement(words, accountId, region),
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
          Resource: '*',
        },
      ],
    },
    null,
    2,
  );
}
