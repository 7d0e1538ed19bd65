// EBS encryption by default in a region: on or off, the default key, and whether that key is the
// one the application is configured with, compared after resolving every reference form (an
// alias, an alias ARN, a key id and a key ARN of one key are one key). The seeds' failure: the
// account's default key differs from the application's, so every image it builds lands under the
// wrong key and it builds another. When the default key could not be read (GetEbsDefaultKmsKeyId
// refused or not implemented) or not resolved (DescribeKey refused), the check says "could not
// check" and still reports what it knows (encryption by default on or off).
import type { Finding } from '../../../../shared/domain/diagnostics';
import { type CheckInput, EBS_DEFAULT_ALIAS, keyByArn, keyName, resolvedArn } from '../check-input';
import { couldNotCheck } from './could-not-check';
import { makeFinding, type EvidenceSpec } from './finding';
import { repeatedGroups } from './repeated-groups';

const WHY_MISMATCH =
  'New volumes, snapshots and AMIs in this region are encrypted with the account’s default key, not the key the application expects. An application that looks for images under its own key (Avi’s controller, for one) does not find them and builds its Service Engine image again and again; instances launched by it carry the wrong key.';
const WHY_OFF =
  'With encryption by default off, every volume created without an explicit key is unencrypted, and so are its snapshots and the AMIs made from them. Turning it on changes nothing already created; it applies to new volumes only.';

export function checkEbsDefault(input: CheckInput): Finding[] {
  const { region, inventory, intended } = input;
  const defaults = inventory.ebsDefaults;
  if (!defaults) return [];
  const findings: Finding[] = [];
  const defaultRef = defaults.defaultKmsKeyId;
  if (defaultRef === undefined) {
    const error = defaults.defaultKmsKeyError ?? {
      code: 'NotRead',
      message: 'The default key was not read.',
    };
    findings.push(couldNotCheck({ region, what: 'ebs-default-key', ...error }));
  }
  const defaultResolution = defaultRef ? input.resolutions.get(defaultRef) : undefined;
  // A key that does not exist is an answer; a DescribeKey that was refused is not.
  if (
    defaultRef &&
    defaultResolution &&
    !defaultResolution.ok &&
    defaultResolution.code !== 'NotFoundException'
  ) {
    findings.push(
      couldNotCheck({
        region,
        what: `default key ${defaultRef}`,
        code: defaultResolution.code,
        message: defaultResolution.message,
      }),
    );
  }
  const defaultArn = resolvedArn(input, defaultRef);
  // alias/aws/ebs answers DescribeKey in every region (KMS creates the key on first use); if
  // DescribeKey was refused it is still that key.
  const defaultIsAwsEbs = defaultRef !== undefined && /(^|:)alias\/aws\/ebs$/.test(defaultRef);
  const defaultIdentity = defaultArn ?? (defaultIsAwsEbs ? EBS_DEFAULT_ALIAS : undefined);
  const defaultLabel = defaultArn
    ? keyName(input, defaultArn)
    : defaultIsAwsEbs
      ? EBS_DEFAULT_ALIAS
      : (defaultRef ?? 'unknown');
  const intendedRef = intended.ebsKey;
  const intendedResolution = intendedRef ? input.resolutions.get(intendedRef) : undefined;
  const evidence: EvidenceSpec = {
    encryptionByDefault: defaults.encryptionByDefault,
    defaultKey: defaultRef ?? `could not check: ${defaults.defaultKmsKeyError?.code ?? 'not read'}`,
    defaultKeyArn: defaultArn,
    defaultKeyManager: keyByArn(input, defaultArn)?.manager,
    intendedKey: intendedRef,
    intendedKeyArn: intendedResolution?.ok ? intendedResolution.arn : undefined,
    intendedFrom: intended.source,
  };

  if (intendedRef && intendedResolution && !intendedResolution.ok) {
    findings.push(
      makeFinding('ebs-default', region, {
        aspect: 'intended-unresolved',
        severity: 'high',
        title: `The intended EBS key ${intendedRef} cannot be used in ${region}`,
        resources: [intendedRef],
        evidence: { ...evidence, error: intendedResolution.code, message: intendedResolution.message },
        why: 'The application is configured with a key that does not resolve here, so its encrypted images and volumes cannot be created in this region.',
        fix: {
          text: 'Correct the application’s key (or the intended key in the panel) to a key of this region.',
        },
      }),
    );
  }

  if (!defaults.encryptionByDefault) {
    findings.push(
      makeFinding('ebs-default', region, {
        aspect: 'off',
        severity: 'medium',
        title: `EBS encryption by default is off in ${region}`,
        resources: [`ebs-default/${region}`],
        evidence,
        why: WHY_OFF,
        fix: {
          text: 'Enable EBS encryption by default for the region (ec2:EnableEbsEncryptionByDefault).',
          action: { type: 'enable-ebs-default', region },
        },
      }),
    );
  }

  const intendedArn = intendedResolution?.ok ? intendedResolution.arn : undefined;
  const intendedIsAwsEbs = keyByArn(input, intendedArn)?.aliases.includes(EBS_DEFAULT_ALIAS) === true;
  const differs = defaultArn ? intendedArn !== defaultArn : !intendedIsAwsEbs;
  if (intendedArn && defaultIdentity && differs) {
    findings.push(
      makeFinding('ebs-default', region, {
        aspect: 'mismatch',
        severity: defaults.encryptionByDefault ? 'high' : 'medium',
        title: `The EBS default key (${defaultLabel}) is not the intended key (${keyName(input, intendedArn)})`,
        resources: [`ebs-default/${region}`, intendedArn],
        evidence,
        why: WHY_MISMATCH,
        fix: {
          text: `Set the region’s EBS default key to ${keyName(input, intendedArn)} (ec2:ModifyEbsDefaultKmsKeyId), or configure the application with ${defaultLabel}.`,
          action: { type: 'set-ebs-default-key', region, keyId: intendedArn },
        },
      }),
    );
  }

  // No intended key known, but images keep being rebuilt under the default key: say so.
  if (!intendedRef && defaults.encryptionByDefault && defaultArn) {
    const keyOf = (ref: string) => resolvedArn(input, ref);
    const rebuilt = repeatedGroups(inventory.images, input.repeatWindowHours, keyOf).filter((g) =>
      g.keys.includes(defaultArn),
    );
    if (rebuilt.length > 0) {
      findings.push(
        makeFinding('ebs-default', region, {
          aspect: 'mismatch-suspected',
          severity: 'high',
          title: `Images are rebuilt under the EBS default key ${defaultLabel}: the application likely expects another key`,
          resources: [`ebs-default/${region}`, ...rebuilt.flatMap((g) => g.images.map((i) => i.id))],
          evidence: {
            ...evidence,
            intendedKey: 'not set',
            rebuiltPrefixes: rebuilt.map((g) => g.prefix).join(', '),
            rebuiltImages: rebuilt.reduce((n, g) => n + g.images.length, 0),
          },
          why: WHY_MISMATCH,
          fix: {
            text: 'Set the intended key for this region (or import the application’s configuration) to confirm; then make the default key and the application’s key the same one.',
          },
        }),
      );
    }
  }

  if (defaults.encryptionByDefault && !intendedRef && keyByArn(input, defaultArn)?.manager === 'AWS') {
    findings.push(
      makeFinding('ebs-default', region, {
        aspect: 'aws-managed',
        severity: 'info',
        title: `EBS encryption by default is on with the AWS managed key ${defaultLabel}`,
        resources: [`ebs-default/${region}`],
        evidence,
        why: 'The AWS managed key aws/ebs cannot be shared with other accounts and its policy cannot be changed: AMIs and snapshots encrypted with it cannot be shared.',
        fix: { text: 'Use a customer managed key as the default if images are to be shared.' },
      }),
    );
  }
  return findings;
}
