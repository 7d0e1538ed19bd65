// The live view of one migration: status, a downtime timer per instance, the timeline, the volume
// blocks, and resume / rollback / cleanup (and, for the replace strategy, each node's swap)
// behind a confirmation.
import { useEffect, useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { downtimeSeconds, isFinished, type MigrationJournal } from '../../../shared/domain/migration';
import { useMigrationStore, type MigrationVerb } from '../../stores/migration-store';
import { MigrationFailure } from './migration-failure';
import { InstanceStatusIndicator, MigrationStatusIndicator } from './migration-status-indicator';
import { migrationStrategyLabels } from '../../../shared/labels/jobs';
import { MigrationTimeline } from './migration-timeline';
import { ReplacementPanel } from './replacement-panel';
import { RollbackSummary } from './rollback-summary';
import { PlanExportButtons } from '../plans/plan-export-buttons';
import { VolumeBlocks } from './volume-blocks';

function confirmText(verb: MigrationVerb, journal: MigrationJournal): string {
  const replace = journal.strategy === 'replace';
  switch (verb) {
    case 'resume':
      return 'Continue the migration from its journal?';
    case 'confirm':
      return 'Have you moved the workload to the replacement? Envelope stops the original (kept until cleanup) and goes on to the next instance.';
    case 'rollback':
      return replace
        ? 'Terminate the replacements and start the originals that were running? The originals and the images are kept.'
        : 'Put the original volumes back on their devices and restore the power state?';
    case 'cleanup':
      return replace
        ? 'Terminate the stopped originals (after verification) and deregister the unencrypted images and their snapshots; after a rollback, deregister both images? This cannot be undone.'
        : 'Delete the originals (after verification) or the replacements (after a rollback), and the migration’s snapshots? This cannot be undone.';
  }
}

export function MigrationLive({ journal }: { readonly journal: MigrationJournal }) {
  const act = useMigrationStore((s) => s.act);
  const acting = useMigrationStore((s) => s.acting?.id === journal.id);
  const plan = useMigrationStore((s) => s.plans[journal.id]);
  const [confirm, setConfirm] = useState<MigrationVerb | undefined>();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`${migrationStrategyLabels[journal.strategy]} with ${journal.keyLabel} in ${journal.region}`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button disabled={acting || isFinished(journal.status)} onClick={() => setConfirm('resume')}>
                Resume
              </Button>
              <Button
                disabled={acting || journal.status === 'cleaned-up' || journal.status === 'rolled-back'}
                onClick={() => setConfirm('rollback')}
              >
                Roll back
              </Button>
              <Button
                disabled={acting || (journal.status !== 'verified' && journal.status !== 'rolled-back')}
                onClick={() => setConfirm('cleanup')}
              >
                Clean up
              </Button>
            </SpaceBetween>
          }
        >
          {journal.id}: <MigrationStatusIndicator status={journal.status} />
        </Header>
      }
    >
      <SpaceBetween size="l">
        <MigrationFailure journal={journal} />
        <RollbackSummary journal={journal} />
        {plan && <PlanExportButtons plan={plan} label="Export the plan this migration runs" />}
        {journal.instances.map((instance) => (
          <SpaceBetween key={instance.instanceId} size="s">
            <Box variant="h3">
              {instance.name ?? instance.instanceId} ({instance.instanceId}):{' '}
              <InstanceStatusIndicator status={instance.status} />
              {instance.stoppedAt !== undefined &&
                ` — downtime ${Math.round(downtimeSeconds(instance, now) ?? 0)} s`}
            </Box>
            <MigrationTimeline instance={instance} now={now} />
            <ReplacementPanel
              instance={instance}
              keyLabel={journal.keyLabel}
              onConfirm={() => setConfirm('confirm')}
            />
            {instance.volumes.map((v) => (
              <VolumeBlocks key={v.originalVolumeId} volume={v} keyArn={journal.keyArn} />
            ))}
          </SpaceBetween>
        ))}
      </SpaceBetween>
      <Modal
        visible={confirm !== undefined}
        header="Confirm"
        onDismiss={() => setConfirm(undefined)}
        footer={
          <SpaceBetween direction="horizontal" size="xs">
            <Button onClick={() => setConfirm(undefined)}>Cancel</Button>
            <Button
              variant="primary"
              onClick={() => {
                if (confirm) void act(confirm, journal.id);
                setConfirm(undefined);
              }}
            >
              Confirm
            </Button>
          </SpaceBetween>
        }
      >
        {confirm ? confirmText(confirm, journal) : ''}
      </Modal>
    </Container>
  );
}
