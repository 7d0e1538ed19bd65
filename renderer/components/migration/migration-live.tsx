// The live view of one migration: status, a downtime timer per instance, the timeline, the volume
// blocks, and resume / rollback / cleanup behind a confirmation.
import { useEffect, useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { downtimeSeconds, isFinished, type MigrationJournal } from '../../../shared/domain/migration';
import { useMigrationStore } from '../../stores/migration-store';
import { MigrationTimeline } from './migration-timeline';
import { VolumeBlocks } from './volume-blocks';

type Verb = 'resume' | 'rollback' | 'cleanup';
const CONFIRM: Record<Verb, string> = {
  resume: 'Continue the migration from its journal?',
  rollback: 'Put the original volumes back on their devices and restore the power state?',
  cleanup:
    'Delete the originals (after verification) or the replacements (after a rollback), and the migration’s snapshots? This cannot be undone.',
};

export function MigrationLive({ journal }: { readonly journal: MigrationJournal }) {
  const act = useMigrationStore((s) => s.act);
  const [confirm, setConfirm] = useState<Verb | undefined>();
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
          description={`${journal.strategy} with ${journal.keyLabel} in ${journal.region}`}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button disabled={isFinished(journal.status)} onClick={() => setConfirm('resume')}>
                Resume
              </Button>
              <Button disabled={journal.status === 'cleaned-up'} onClick={() => setConfirm('rollback')}>
                Roll back
              </Button>
              <Button
                disabled={journal.status !== 'verified' && journal.status !== 'rolled-back'}
                onClick={() => setConfirm('cleanup')}
              >
                Clean up
              </Button>
            </SpaceBetween>
          }
        >
          {journal.id}: {journal.status}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {journal.error && <Box color="text-status-error">{journal.error.message}</Box>}
        {journal.instances.map((instance) => (
          <SpaceBetween key={instance.instanceId} size="s">
            <Box variant="h3">
              {instance.name ?? instance.instanceId} ({instance.instanceId}): {instance.status}
              {instance.stoppedAt !== undefined &&
                ` — downtime ${Math.round(downtimeSeconds(instance, now) ?? 0)} s`}
            </Box>
            <MigrationTimeline instance={instance} now={now} />
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
        {confirm ? CONFIRM[confirm] : ''}
      </Modal>
    </Container>
  );
}
