// The statement AWS's own managed-key policies use to let a service use a key on behalf of
// everyone in the account who may use that service (kms:ViaService + kms:CallerAccount). For EBS
// it is the statement EC2 needs and the one most often missing from customer keys.
export interface ViaService {
  readonly name: string; // as the Sid says it: 'EBS', 'S3'
  readonly endpoint: string; // the service's endpoint prefix: 'ec2', 's3'
}

// What a service needs of a customer key to encrypt and decrypt for its callers.
export const SERVICE_KEY_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:CreateGrant',
  'kms:DescribeKey',
];

export function viaServiceStatement(
  service: ViaService,
  account: string,
  region: string,
): Record<string, unknown> {
  return {
    Sid: `Allow access through ${service.name} for all principals in the account that are authorized to use ${service.name}`,
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: [...SERVICE_KEY_ACTIONS],
    Resource: '*',
    Condition: {
      StringEquals: {
        'kms:CallerAccount': account,
        'kms:ViaService': `${service.endpoint}.${region}.amazonaws.com`,
      },
    },
  };
}

export const ebsViaServiceStatement = (account: string, region: string): Record<string, unknown> =>
  viaServiceStatement({ name: 'EBS', endpoint: 'ec2' }, account, region);
