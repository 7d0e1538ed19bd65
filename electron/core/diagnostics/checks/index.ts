// Every check, in the order the report lists them; findings sorted most severe first.
import { severityRank, type Finding } from '../../../../shared/domain/diagnostics';
import type { CheckInput } from '../check-input';
import { checkEbsDefault } from './ebs-default';
import { checkImagesAndSnapshots } from './images-snapshots';
import { checkKeyHealth } from './key-health';
import { checkKeyPolicy } from './key-policy';
import { checkRepeatedImages } from './repeated-images';
import { checkS3Prefix } from './s3-prefix';

export const checks = [
  checkEbsDefault,
  checkRepeatedImages,
  checkKeyHealth,
  checkKeyPolicy,
  checkS3Prefix,
  checkImagesAndSnapshots,
] as const;

export function runChecks(input: CheckInput): Finding[] {
  const findings = checks.flatMap((check) => check(input));
  return findings
    .map((f, i) => [f, i] as const)
    .sort(([a, i], [b, j]) => severityRank(b.severity) - severityRank(a.severity) || i - j)
    .map(([f]) => f);
}
