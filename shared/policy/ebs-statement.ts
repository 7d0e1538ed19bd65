// The statement AWS's own default key policies use to let EBS use a key on behalf of everyone in
// the account who may use EBS: the one EC2 needs (kms:ViaService) and the one most often missing.
export function ebsViaServiceStatement(account: string, region: string): Record<string, unknown> {
  return {
    Sid: 'Allow access through EBS for all principals in the account that are authorized to use EBS',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: [
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:CreateGrant',
      'kms:DescribeKey',
    ],
    Resource: '*',
    Condition: {
      StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `ec2.${region}.amazonaws.com` },
    },
  };
}
