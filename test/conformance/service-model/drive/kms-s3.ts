// KMS and S3 as the app drives them on avi-lab: every key's description, policy, rotation status
// and grants, the aliases, a policy edit; every bucket's location, versioning and default
// encryption, an encryption change and its removal; and the errors the app reads (unknown key,
// asymmetric key's rotation, bucket without encryption configuration, unknown bucket).
import {
  CreateGrantCommand,
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  paginateListAliases,
  paginateListGrants,
  paginateListKeys,
  PutKeyPolicyCommand,
} from '@aws-sdk/client-kms';
import {
  DeleteBucketEncryptionCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  paginateListBuckets,
  PutBucketEncryptionCommand,
} from '@aws-sdk/client-s3';
import type { AviLabIds } from '../../../../electron/sandbox/scenarios/avi-lab';
import { allPages, expectError, settle, type DriveContext } from './context';

export async function driveKms(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  const { kms } = ctx;
  const keys = (await allPages(paginateListKeys({ client: kms, pageSize: 2 }, {}))).flatMap(
    (p) => p.Keys ?? [],
  );
  await allPages(paginateListAliases({ client: kms, pageSize: 3 }, {}));
  await allPages(paginateListAliases({ client: kms }, { KeyId: ids.cmkArn }));
  for (const key of keys) {
    const keyId = key.KeyId ?? '';
    await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    await kms.send(new GetKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default' }));
    await allPages(paginateListGrants({ client: kms }, { KeyId: keyId }));
  }
  await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
  await kms.send(new GetKeyRotationStatusCommand({ KeyId: ids.labKeyArn }));
  await kms.send(new GetKeyRotationStatusCommand({ KeyId: ids.cmkArn }));
  await expectError(
    kms.send(new GetKeyRotationStatusCommand({ KeyId: ids.asymmetricKeyArn })),
    'UnsupportedOperationException',
  );
  // Whether a key pending deletion answers is a behaviour question; either answer is validated.
  await settle(kms.send(new GetKeyRotationStatusCommand({ KeyId: ids.pendingDeletionKeyArn })));
  // A grant as AWS services hold them (with an encryption-context constraint), then read back the
  // way the key checks list grants.
  await kms.send(
    new CreateGrantCommand({
      KeyId: ids.labKeyArn,
      GranteePrincipal: 'arn:aws:iam::123456789012:role/ReadOnly',
      Operations: ['Decrypt', 'GenerateDataKeyWithoutPlaintext', 'CreateGrant'],
      Constraints: { EncryptionContextSubset: { 'aws:ebs:id': 'vol-0123456789abcdef0' } },
      Name: 'envelope-conformance',
    }),
  );
  await allPages(paginateListGrants({ client: kms }, { KeyId: ids.labKeyArn }));
  const policy = await kms.send(new GetKeyPolicyCommand({ KeyId: ids.labKeyArn, PolicyName: 'default' }));
  await kms.send(
    new PutKeyPolicyCommand({ KeyId: ids.labKeyArn, PolicyName: 'default', Policy: policy.Policy }),
  );
  await expectError(kms.send(new DescribeKeyCommand({ KeyId: 'alias/does-not-exist' })), 'NotFoundException');
  await expectError(
    kms.send(new DescribeKeyCommand({ KeyId: '11111111-2222-3333-4444-555555555555' })),
    'NotFoundException',
  );
}

export async function driveS3(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  const { s3 } = ctx;
  const buckets = (await allPages(paginateListBuckets({ client: s3, pageSize: 1 }, {}))).flatMap(
    (p) => p.Buckets ?? [],
  );
  for (const bucket of buckets) {
    const name = bucket.Name ?? '';
    await s3.send(new GetBucketLocationCommand({ Bucket: name }));
    await s3.send(new GetBucketVersioningCommand({ Bucket: name }));
    await s3.send(new GetBucketEncryptionCommand({ Bucket: name })).catch((error: { name?: string }) => {
      if (error.name !== 'ServerSideEncryptionConfigurationNotFoundError') throw error;
    });
  }
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: ids.prefixedSeBucket,
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: ids.labKeyArn },
            BucketKeyEnabled: true,
          },
        ],
      },
    }),
  );
  await s3.send(new GetBucketEncryptionCommand({ Bucket: ids.prefixedSeBucket }));
  await s3.send(new DeleteBucketEncryptionCommand({ Bucket: ids.prefixedSeBucket }));
  // S3 applies SSE-S3 to every bucket since January 2023 (S3 user guide, "Setting default
  // server-side encryption behavior"): after the deletion the answer is AES256 or, on an older
  // model of S3, ServerSideEncryptionConfigurationNotFoundError. Either is validated.
  await settle(s3.send(new GetBucketEncryptionCommand({ Bucket: ids.prefixedSeBucket })));
  await expectError(
    s3.send(new GetBucketLocationCommand({ Bucket: 'envelope-no-such-bucket' })),
    'NoSuchBucket',
  );
}
