// Every export format of a plan, wherever the plan is shown: core renders the text, the page
// downloads it. The SSM runbook exists for migrations only, the S3 Batch job for S3 re-encryption.
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { Plan } from '../../../shared/plans/plan-document';
import type { ExportFormat } from '../../../shared/plans/render/render-plan';
import { exportPlan } from '../../stores/plans-store';
import { downloadText } from '../diagnostics/download';

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'bash', label: 'AWS CLI script' },
  { format: 'ssm', label: 'SSM runbook' },
  { format: 's3-batch-job', label: 'S3 Batch job' },
];

// The SSM runbook is a migration's; the S3 Batch Operations job an S3 re-encryption's.
export const formatsFor = (kind: string) =>
  EXPORT_FORMATS.filter(
    (f) =>
      (f.format !== 'ssm' || kind === 'migration') && (f.format !== 's3-batch-job' || kind === 's3-encrypt'),
  );

export function PlanExportButtons(props: { readonly plan: Plan; readonly label?: string }) {
  const download = async (format: ExportFormat) => {
    const file = await exportPlan(props.plan, format);
    if (file) downloadText(file.fileName, file.mime, file.text);
  };
  return (
    <SpaceBetween size="xs" direction="horizontal">
      {formatsFor(props.plan.kind).map((f) => (
        <Button
          key={f.format}
          iconName="download"
          ariaLabel={`${props.label ?? 'Export'} as ${f.label}`}
          onClick={() => void download(f.format)}
        >
          {f.label}
        </Button>
      ))}
    </SpaceBetween>
  );
}
