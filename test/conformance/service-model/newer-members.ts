// Members AWS answers today that the AWS CLI's service models on this machine predate (Debian's
// awscli carries botocore data from early 2023). Each one is in AWS's current model as the
// installed AWS SDK for JavaScript v3 publishes it (node_modules/@aws-sdk/client-*/dist-types/
// models), so the sandbox is right to send it. Such a member is reported as "newer than the
// model" instead of a mismatch, only while the model lacks it: with a newer model it is
// validated like any other. Keys: <output shape>.<wire name>.
export const NEWER_THAN_CLI_MODEL: ReadonlyMap<string, string> = new Map([
  // EC2 API reference, GetEbsEncryptionByDefault: SseType (sse-ebs | sse-kms), 2024.
  ['GetEbsEncryptionByDefaultResult.sseType', '@aws-sdk/client-ec2 GetEbsEncryptionByDefaultResult.SseType'],
  // EC2 API reference, Image: SourceImageId / SourceImageRegion of a copied AMI, 2024.
  ['Image.sourceImageId', '@aws-sdk/client-ec2 Image.SourceImageId'],
  ['Image.sourceImageRegion', '@aws-sdk/client-ec2 Image.SourceImageRegion'],
  // KMS API reference, GetKeyPolicy response: PolicyName, 2024.
  ['GetKeyPolicyResponse.PolicyName', '@aws-sdk/client-kms GetKeyPolicyResponse.PolicyName'],
  // KMS API reference, GetKeyRotationStatus response: KeyId, RotationPeriodInDays,
  // NextRotationDate, OnDemandRotationStartDate (custom rotation periods, April 2024).
  ['GetKeyRotationStatusResponse.KeyId', '@aws-sdk/client-kms GetKeyRotationStatusResponse.KeyId'],
  [
    'GetKeyRotationStatusResponse.RotationPeriodInDays',
    '@aws-sdk/client-kms GetKeyRotationStatusResponse.RotationPeriodInDays',
  ],
  [
    'GetKeyRotationStatusResponse.NextRotationDate',
    '@aws-sdk/client-kms GetKeyRotationStatusResponse.NextRotationDate',
  ],
  [
    'GetKeyRotationStatusResponse.OnDemandRotationStartDate',
    '@aws-sdk/client-kms GetKeyRotationStatusResponse.OnDemandRotationStartDate',
  ],
  // S3 API reference, ListBuckets: paginated with ContinuationToken and Prefix, each bucket's
  // BucketRegion (October 2024).
  ['ListBucketsOutput.ContinuationToken', '@aws-sdk/client-s3 ListBucketsOutput.ContinuationToken'],
  ['ListBucketsOutput.Prefix', '@aws-sdk/client-s3 ListBucketsOutput.Prefix'],
  ['Bucket.BucketRegion', '@aws-sdk/client-s3 Bucket.BucketRegion'],
  // S3 Control API reference, JobManifestGeneratorFilter: key-name, storage-class, size and
  // encryption filters of a generated manifest (2024), echoed by DescribeJob.
  ...[
    'KeyNameConstraint',
    'MatchAnyStorageClass',
    'MatchAnyObjectEncryption',
    'ObjectSizeGreaterThanBytes',
    'ObjectSizeLessThanBytes',
  ].map((member): [string, string] => [
    `JobManifestGeneratorFilter.${member}`,
    `@aws-sdk/client-s3-control JobManifestGeneratorFilter.${member}`,
  ]),
]);

// Error codes an operation documents today that the CLI's older model does not list, keyed
// "<service> <operation>", each from the installed SDK's command documentation (@throws).
export const NEWER_ERRORS_THAN_CLI_MODEL: ReadonlyMap<string, readonly string[]> = new Map([
  // KMS API reference, CreateGrant: DryRun parameter and DryRunOperationException (2023);
  // @aws-sdk/client-kms CreateGrantCommand "@throws {@link DryRunOperationException}".
  ['kms CreateGrant', ['DryRunOperationException']],
]);
