// A finished copy: the new AMI, its block devices in the seeds' form, each snapshot's KMS key
// (alias, id, ARN), and "Deregister source", offered with a confirmation and never done by default.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { CopyResult as CopyResultValue } from '../../../shared/domain/ami-copy';
import { useAmiCopyStore } from '../../stores/ami-copy-store';
import { ArnText } from '../arn-text';
import { breakable } from '../breakable-text';
import { ConfirmModal } from './confirm-modal';

export interface CopyResultProps {
  readonly jobId: string;
  readonly result: CopyResultValue;
}

export function CopyResult({ jobId, result }: CopyResultProps) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const deregister = useAmiCopyStore((s) => s.deregisterSource);
  // Once deregistered, the action is done: it is not offered again.
  const deregistered = useAmiCopyStore((s) => s.notices[jobId]?.kind === 'success');
  return (
    <SpaceBetween size="s">
      <Box variant="p">
        New AMI <strong>{result.imageId}</strong> “{result.name}” in {result.destRegion}: {result.state}
      </Box>
      <Box variant="code" fontSize="body-s">
        {result.blockDeviceText.join('\n')}
      </Box>
      <Table
        wrapLines
        variant="embedded"
        items={result.snapshots}
        trackBy="snapshotId"
        columnDefinitions={[
          { id: 'device', header: 'Device', cell: (s) => s.device },
          { id: 'snapshot', header: 'Snapshot', cell: (s) => breakable(s.snapshotId) },
          {
            id: 'alias',
            header: 'Key alias',
            cell: (s) => breakable(s.aliases.join(', ') || '—'),
          },
          { id: 'keyId', header: 'Key id', cell: (s) => s.keyId ?? '—' },
          {
            id: 'arn',
            header: 'Key ARN',
            cell: (s) => (s.kmsKeyArn ? <ArnText arn={s.kmsKeyArn} /> : 'not encrypted'),
          },
        ]}
      />
      {result.sourceOwned === true ? (
        <Button onClick={() => setAsking(true)} loading={pending} disabled={deregistered}>
          {deregistered ? 'Source deregistered' : 'Deregister source'}
        </Button>
      ) : (
        <Box variant="small" color="text-body-secondary">
          The source {result.sourceImageId} belongs to another account, so only its owner can deregister it.
        </Box>
      )}
      {result.sourceOwned === true && (
        <ConfirmModal
          visible={asking}
          header={`Deregister ${result.sourceImageId}?`}
          confirmText="Deregister source"
          onDismiss={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            setPending(true);
            void deregister(jobId).finally(() => setPending(false));
          }}
        >
          The unencrypted source AMI {result.sourceImageId} in {result.sourceRegion} can no longer be launched
          once deregistered. Instances already running from it keep running; its snapshots are kept. Launch
          templates that name it will fail.
        </ConfirmModal>
      )}
    </SpaceBetween>
  );
}
