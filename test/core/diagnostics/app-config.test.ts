// Intended keys from an application's configuration: an Avi cloud configuration (JSON) and a
// Kublr cluster spec (YAML), with errors that name the field.
import { describe, expect, it } from 'vitest';
import {
  parseAppConfig,
  parseAviConfig,
  parseKublrSpec,
} from '../../../electron/core/diagnostics/app-config';

const CMK = 'arn:aws:kms:us-west-2:123456789012:key/186ddc6d-c220-4899-b12a-965f26cb1204';

describe('Avi cloud configuration', () => {
  it('reads ebs_encryption and s3_encryption master keys and the bucket prefix', () => {
    const text = JSON.stringify({
      name: 'aws_cloud',
      obj_name_prefix: 'lab',
      aws_configuration: {
        region: 'us-west-2',
        ebs_encryption: { mode: 'AWS_ENCRYPTION_MODE_SSE_KMS', master_key: CMK },
        s3_encryption: { mode: 'AWS_ENCRYPTION_MODE_SSE_KMS', master_key: 'alias/avi-s3' },
      },
    });
    expect(parseAppConfig(text)).toEqual({
      source: 'avi',
      ebsKey: CMK,
      s3Key: 'alias/avi-s3',
      bucketPrefix: 'lab-se-',
      notes: [],
    });
  });

  it('an empty master key means the service’s default key; mode NONE means no key', () => {
    const parsed = parseAviConfig(
      JSON.stringify({
        aws_configuration: {
          ebs_encryption: { mode: 'AWS_ENCRYPTION_MODE_SSE_KMS', master_key: '' },
          s3_encryption: { mode: 'AWS_ENCRYPTION_MODE_NONE' },
        },
      }),
    );
    expect(parsed.ebsKey).toBe('alias/aws/ebs');
    expect(parsed.s3Key).toBeUndefined();
    expect(parsed.notes.join(' ')).toMatch(/no S3 encryption/);
  });

  it('names the field that has the wrong type', () => {
    const text = JSON.stringify({
      aws_configuration: { ebs_encryption: { mode: 'AWS_ENCRYPTION_MODE_SSE_KMS', master_key: 42 } },
    });
    expect(() => parseAviConfig(text)).toThrow(/aws_configuration\.ebs_encryption\.master_key/);
  });

  it('refuses JSON without either encryption block, and text that is not JSON', () => {
    expect(() => parseAviConfig('{"name": "x"}')).toThrow(/neither aws_configuration\.ebs_encryption/);
    expect(() => parseAviConfig('{ not json')).toThrow(/not valid JSON/);
  });
});

const KUBLR = `
spec:
  master:
    locations:
      - aws:
          rootVolume:
            encrypted: true
            kmsKeyId: 'alias/my-kms-key'
          masterVolume:
            encrypted: true
            kmsKeyId: 'alias/my-kms-key'
  nodes:
    - locations:
        - aws:
            rootVolume:
              encrypted: true
  features:
    system:
      values:
        storageClass:
          aws:
            parameters:
              encrypted: 'true'
`;

describe('Kublr cluster spec', () => {
  it('reads rootVolume and masterVolume kmsKeyId, and notes volumes on the default key', () => {
    const parsed = parseAppConfig(KUBLR);
    expect(parsed).toMatchObject({ source: 'kublr', ebsKey: 'alias/my-kms-key' });
    expect(parsed.notes.join(' ')).toMatch(
      /spec\.nodes\.0\.locations\.0\.aws\.rootVolume is encrypted with the account’s default EBS key/,
    );
    expect(parsed.notes.join(' ')).toMatch(/default storage class/);
  });

  it('notes when the spec uses several keys', () => {
    const text = KUBLR.replace(
      "parameters:\n              encrypted: 'true'",
      "parameters:\n              encrypted: 'true'\n              kmsKeyId: alias/other",
    );
    expect(parseKublrSpec(text).notes.join(' ')).toMatch(/uses 2 keys/);
  });

  it('counts a key id and its ARN as one key', () => {
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    const text = KUBLR.replace(/'alias\/my-kms-key'/, `'${id}'`).replace(
      /'alias\/my-kms-key'/,
      `'arn:aws:kms:us-east-1:123456789012:key/${id}'`,
    );
    expect(parseKublrSpec(text).notes.join(' ')).not.toMatch(/uses 2 keys/);
  });

  it('names the field that is wrong', () => {
    expect(() => parseKublrSpec('spec:\n  master:\n    locations: 5\n')).toThrow(/spec\.master\.locations/);
    expect(() => parseKublrSpec('kind: Cluster\n')).toThrow(/at spec/);
    expect(() => parseKublrSpec('spec: [\n')).toThrow(/not valid YAML/);
  });
});
