// The replace strategy's part of the live view, per instance: the image, its encrypted copy with
// a progress bar, the replacement and its private IP; when the instance waits for the user, what
// to do before confirming (the seeds' cluster steps) and the button that confirms its swap.
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { JournalInstance } from '../../../shared/domain/migration';

export function ReplacementPanel({
  instance,
  keyLabel,
  onConfirm,
}: {
  readonly instance: JournalInstance;
  readonly keyLabel: string;
  readonly onConfirm: () => void;
}) {
  const r = instance.replace;
  if (!r) return null;
  const name = instance.name ?? instance.instanceId;
  const copying = r.encryptedImageId !== undefined && (r.copyFraction ?? 0) < 1;
  return (
    <SpaceBetween size="s">
      <KeyValuePairs
        columns={4}
        items={[
          { label: 'Image of the original', value: r.sourceImageId ?? '—' },
          { label: `Encrypted copy (${keyLabel})`, value: r.encryptedImageId ?? '—' },
          { label: 'Replacement', value: r.replacementInstanceId ?? '—' },
          {
            label: 'Private IP: original → replacement',
            value: `${r.privateIp ?? '—'} → ${r.replacementPrivateIp ?? '—'}`,
          },
        ]}
      />
      {copying && (
        <ProgressBar
          label={`Encrypted copy of ${name}`}
          value={Math.round((r.copyFraction ?? 0) * 100)}
          description={r.encryptedImageId}
        />
      )}
      {instance.status === 'awaiting-confirmation' && (
        <Alert
          type="info"
          header={`${name}: its replacement ${r.replacementInstanceId ?? ''} runs, every volume encrypted with ${keyLabel}`}
          action={
            <Button variant="primary" onClick={onConfirm}>
              Confirm swap
            </Button>
          }
        >
          Move the workload to {r.replacementPrivateIp ?? 'the replacement'}: for a cluster member, remove the
          old node from the cluster, add the new one and wait until the cluster is READY; re-associate Elastic
          IPs and update DNS. Then confirm: Envelope stops {instance.instanceId} (kept until cleanup) and goes
          on to the next instance. Roll back instead to terminate the replacement.
        </Alert>
      )}
    </SpaceBetween>
  );
}
