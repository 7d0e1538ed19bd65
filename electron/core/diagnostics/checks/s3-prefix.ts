// S3 prefix scan: the buckets an application creates under a prefix (Avi's "avi-se-", or
// "<obj_name_prefix>-se-<uuid>"): default encryption (none, SSE-S3, SSE-KMS, DSSE-KMS), its key and
// bucket key, a mismatch with the intended S3 key, versioning, and — where versioning is on —
// whether the caller holds s3:ListBucketVersions and s3:DeleteObjectVersion.
import type { Finding } from '../../../../shared/domain/diagnostics';
import type { BucketRecord } from '../../../../shared/domain/inventory';
import { type CheckInput, keyName, resolvedArn, simKey } from '../check-input';
import { makeFinding, type EvidenceSpec } from './finding';

// 'avi-se-' stays; a bare custom prefix 'lab' becomes 'lab-se-', as Avi names its buckets.
export function bucketPattern(prefix: string): string {
  const p = prefix.trim();
  return /-se-$/.test(p) ? p : `${p.replace(/-+$/, '')}-se-`;
}

export const VERSION_ACTIONS = ['s3:ListBucketVersions', 's3:DeleteObjectVersion'] as const;
export const versionResource = (bucket: string, action: string): string =>
  action === 's3:ListBucketVersions' ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/*`;

export function matchingBuckets(input: Pick<CheckInput, 'inventory' | 'bucketPrefixes'>): BucketRecord[] {
  const patterns = input.bucketPrefixes.map(bucketPattern);
  return input.inventory.buckets.filter((b) => patterns.some((p) => b.name.startsWith(p)));
}

function mode(b: BucketRecord): string {
  const algorithm = b.encryption?.algorithm;
  switch (algorithm) {
    case undefined:
      return 'none';
    case 'AES256':
      return 'SSE-S3';
    case 'aws:kms':
      return 'SSE-KMS';
    case 'aws:kms:dsse':
      return 'DSSE-KMS';
    default:
      return algorithm;
  }
}

export function checkS3Prefix(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const intendedRef = input.intended.s3Key;
  const intendedArn = resolvedArn(input, intendedRef);
  for (const bucket of matchingBuckets(input)) {
    const keyArn = resolvedArn(input, bucket.encryption?.kmsKeyId);
    const evidence: EvidenceSpec = {
      bucket: bucket.name,
      prefixes: input.bucketPrefixes.join(', '),
      encryption: mode(bucket),
      kmsKey: bucket.encryption?.kmsKeyId,
      kmsKeyArn: keyArn,
      bucketKey: bucket.encryption?.bucketKey,
      versioning: bucket.versioning,
      intendedS3Key: intendedRef,
    };
    const target = intendedArn
      ? { algorithm: 'aws:kms' as const, kmsKeyId: intendedArn, bucketKey: true }
      : { algorithm: 'AES256' as const };
    const setEncryption = {
      type: 'set-bucket-encryption' as const,
      region: input.region,
      bucket: bucket.name,
      ...target,
    };
    if (!bucket.encryption) {
      findings.push(
        makeFinding('s3-prefix', input.region, {
          aspect: 'no-encryption',
          severity: 'high',
          title: `Bucket ${bucket.name} has no default encryption`,
          resources: [bucket.name],
          evidence,
          why: 'Objects uploaded without their own encryption header (the Service Engine image, for one) are stored as the bucket’s configuration says; with none, the application’s image may sit unencrypted or under a key it does not expect.',
          fix: {
            text: intendedArn
              ? `Set default encryption to SSE-KMS with ${keyName(input, intendedArn)} and a bucket key.`
              : 'Set default encryption (SSE-S3 at least; SSE-KMS with the application’s key if it uses one).',
            action: setEncryption,
          },
        }),
      );
    } else if (intendedArn && keyArn !== intendedArn) {
      findings.push(
        makeFinding('s3-prefix', input.region, {
          aspect: 'key-mismatch',
          severity: 'medium',
          title: `Bucket ${bucket.name} is encrypted with ${keyArn ? keyName(input, keyArn) : mode(bucket)}, not the intended S3 key ${keyName(input, intendedArn)}`,
          resources: [bucket.name],
          evidence: { ...evidence, intendedS3KeyArn: intendedArn },
          why: 'The application encrypts its uploads with its own key; a bucket default under another key means objects written without that header end up under a key the application’s role may not be able to use, and the upload of a new image fails if it cannot.',
          fix: {
            text: `Set the bucket’s default encryption to SSE-KMS with ${keyName(input, intendedArn)}.`,
            action: setEncryption,
          },
        }),
      );
    }
    if (bucket.versioning === 'Enabled') {
      const decisions = VERSION_ACTIONS.map(
        (a) =>
          [a, input.callerSimulation.get(simKey(a, versionResource(bucket.name, a))) ?? 'unknown'] as const,
      );
      const missing = decisions.filter(([, d]) => d !== 'allowed').map(([a]) => a);
      const unknown = decisions.some(([, d]) => d === 'unknown');
      findings.push(
        makeFinding('s3-prefix', input.region, {
          aspect: 'versioning-permissions',
          severity: missing.length === 0 ? 'low' : unknown ? 'medium' : 'high',
          title:
            missing.length === 0
              ? `Bucket ${bucket.name} is versioned: you hold s3:ListBucketVersions and s3:DeleteObjectVersion — does the application’s role?`
              : `Bucket ${bucket.name} is versioned and you ${unknown ? 'may' : 'do'} not hold ${missing.join(' and ')}`,
          resources: [bucket.name],
          evidence: { ...evidence, ...Object.fromEntries(decisions.map(([a, d]) => [a, d])) },
          why: 'Avi creates its image buckets unversioned; when a policy turns versioning on, the controller must list and delete object versions to clean up, which needs s3:ListBucketVersions and s3:DeleteObjectVersion in its IAM role. Without them old image versions pile up and cleanup fails.',
          fix: {
            text: 'Add s3:ListBucketVersions (on the bucket) and s3:DeleteObjectVersion (on its objects) to the application’s IAM role, or leave the bucket unversioned.',
            statements: JSON.stringify(
              [
                {
                  Sid: 'AllowVersionCleanup',
                  Effect: 'Allow',
                  Action: [...VERSION_ACTIONS],
                  Resource: [`arn:aws:s3:::${bucket.name}`, `arn:aws:s3:::${bucket.name}/*`],
                },
              ],
              null,
              2,
            ),
          },
        }),
      );
    }
  }
  return findings;
}
