// The dry run of a fix: the sealed plan (what will be called, what undo does, the warnings, the
// SHA-256), the preflight (each call asked of AWS first), the key policy diff for PutKeyPolicy, and
// a confirmation that stays off while AWS would refuse a call. Once applied: Undo.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { deniedRows } from '../../../shared/domain/preflight';
import { formatTime } from '../../../shared/format/time';
import { useDiagnosticsStore, type FixPreviewState } from '../../stores/diagnostics-store';
import { KeepFocusInModal } from '../keep-focus-in-modal';
import { PreflightTable } from '../plans/preflight-table';
import { PlanExportButtons } from '../plans/plan-export-buttons';
import { PolicyDiffView } from './policy-diff-view';

function Body({ preview }: { readonly preview: FixPreviewState }) {
  switch (preview.status) {
    case 'closed':
      return null;
    case 'loading':
      return <Spinner size="large" />;
    case 'error':
      return (
        <Alert type="error" header={preview.error.message}>
          {preview.error.hint}
        </Alert>
      );
    case 'applied':
      return (
        <Alert
          type={preview.entry.undoneAt ? 'info' : 'success'}
          header={preview.entry.undoneAt ? 'Undone' : 'Applied'}
        >
          {preview.entry.title} —{' '}
          {preview.entry.undoneAt
            ? `undone at ${formatTime(preview.entry.undoneAt)}`
            : `applied at ${formatTime(preview.entry.appliedAt)}`}
          .
        </Alert>
      );
    case 'ready':
    case 'applying': {
      const { plan, diff } = preview;
      return (
        <SpaceBetween size="m">
          <KeyValuePairs
            columns={2}
            items={[
              { label: 'Plan', value: plan.title },
              { label: 'Account · region', value: `${plan.accountId} · ${plan.regions.join(', ')}` },
              { label: 'Calls', value: plan.steps.map((s) => s.action).join(', ') },
              { label: 'Undo', value: plan.rollback.map((s) => `${s.action} — ${s.title}`).join('; ') },
              { label: 'Read at', value: plan.facts[0] ? formatTime(plan.facts[0].readAt) : '' },
              { label: 'SHA-256', value: <Box variant="code">{plan.sha256}</Box> },
            ]}
          />
          {plan.warnings.map((w) => (
            <Alert key={w} type="warning">
              {w}
            </Alert>
          ))}
          <PreflightTable preflight={plan.preflight} />
          {diff ? <PolicyDiffView lines={diff} /> : null}
          <PlanExportButtons plan={plan} label="Export the fix plan" />
        </SpaceBetween>
      );
    }
  }
}

export function FixPreviewModal() {
  const preview = useDiagnosticsStore((s) => s.preview);
  const applyFix = useDiagnosticsStore((s) => s.applyFix);
  const close = useDiagnosticsStore((s) => s.closePreview);
  const undo = useDiagnosticsStore((s) => s.undo);
  const undoing = useDiagnosticsStore((s) => s.undoing);
  const footer = (
    <Box float="right">
      <SpaceBetween direction="horizontal" size="xs">
        <Button variant="link" onClick={close}>
          {preview.status === 'applied' ? 'Close' : 'Cancel'}
        </Button>
        {preview.status === 'applied' && !preview.entry.undoneAt ? (
          <Button loading={undoing.includes(preview.entry.id)} onClick={() => void undo(preview.entry.id)}>
            Undo
          </Button>
        ) : null}
        {preview.status === 'ready' || preview.status === 'applying' ? (
          <Button
            variant="primary"
            loading={preview.status === 'applying'}
            disabled={preview.plan.preflight ? deniedRows(preview.plan.preflight).length > 0 : false}
            onClick={() => void applyFix()}
          >
            Apply fix
          </Button>
        ) : null}
      </SpaceBetween>
    </Box>
  );
  return (
    <Modal
      visible={preview.status !== 'closed'}
      onDismiss={close}
      header="Preview fix"
      size="large"
      footer={footer}
    >
      <Body preview={preview} />
      {/* Apply and Undo replace the focused button; Escape keeps working on the new body. */}
      <KeepFocusInModal visible={preview.status !== 'closed'} />
    </Modal>
  );
}
