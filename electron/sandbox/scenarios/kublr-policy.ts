// The KMS key policy of the Kublr seed (kublr-kms-key-policy.txt): the default root statement,
// the Kublr user's use and grant statements, EBS access via ec2.<region>.amazonaws.com, and
// the Auto Scaling service-linked role's use statement. The seed's last statement, "Allow
// attachment of persistent resources by AutoScaling" (CreateGrant for the SLR), is left out
// unless includeAutoScalingGrant: that is the scenario's fault.
export function kublrKeyPolicy(
  accountId: string,
  region: string,
  kublrUser: string,
  includeAutoScalingGrant = false,
): string {
  const slr = `arn:aws:iam::${accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
  const use = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
  const grants = ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'];
  const statements: unknown[] = [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'Allow use of the key by Kublr',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:user/${kublrUser}` },
      Action: use,
      Resource: '*',
    },
    {
      Sid: 'Allow attachment of persistent resources by Kublr',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:user/${kublrUser}` },
      Action: grants,
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
    {
      Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [...use.slice(0, 4), 'kms:CreateGrant', 'kms:DescribeKey'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `ec2.${region}.amazonaws.com` },
      },
    },
    {
      Sid: 'Allow use of the key by AutoScaling',
      Effect: 'Allow',
      Principal: { AWS: slr },
      Action: use,
      Resource: '*',
    },
  ];
  if (includeAutoScalingGrant) {
    statements.push({
      Sid: 'Allow attachment of persistent resources by AutoScaling',
      Effect: 'Allow',
      Principal: { AWS: slr },
      Action: grants,
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    });
  }
  return JSON.stringify(
    { Version: '2012-10-17', Id: 'kublr-ebs-key-policy', Statement: statements },
    null,
    2,
  );
}
