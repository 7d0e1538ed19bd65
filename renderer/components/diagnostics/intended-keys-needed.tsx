// The EBS default-key check can name a mismatch exactly only when it knows the key the application
// uses (the intended key). When a region of the report has none, this says so above the findings
// and takes the person to the Intended keys tab, where a key can be set or the Avi cloud
// configuration imported.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import type { DiagnosticsReport } from '../../../shared/domain/diagnostics';

// Regions of the report with no intended EBS key, neither their own nor the one for every region.
export function regionsWithoutIntendedKey(report: DiagnosticsReport): string[] {
  const every = report.intended['*']?.ebsKey;
  return report.regions.filter((region) => !(report.intended[region]?.ebsKey ?? every));
}

export interface IntendedKeysNeededProps {
  readonly report: DiagnosticsReport;
  readonly onOpenIntendedKeys: () => void;
}

export function IntendedKeysNeeded({ report, onOpenIntendedKeys }: IntendedKeysNeededProps) {
  const missing = regionsWithoutIntendedKey(report);
  if (missing.length === 0) return null;
  // A finding that could only suspect a mismatch makes the question urgent.
  const suspected = report.findings.filter((f) => f.evidence['intendedKey'] === 'not set').length;
  return (
    <Alert
      type={suspected > 0 ? 'warning' : 'info'}
      header={
        suspected > 0
          ? `${suspected} finding${suspected === 1 ? '' : 's'} can only suspect a default-key mismatch`
          : 'Which key does the application use?'
      }
      action={<Button onClick={onOpenIntendedKeys}>Set intended keys</Button>}
    >
      The EBS default-key check compares the region’s default key with the key your application uses, and
      nobody has said which key that is in {missing.join(', ')}. Set it, or import the Avi cloud
      configuration, on the Intended keys tab; then run the diagnostics again to name a mismatch exactly.
    </Alert>
  );
}
