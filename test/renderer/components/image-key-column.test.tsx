// The AMI table shows each encrypted device's key (read from its snapshot by the scan) beside the
// block-device line, or says plainly that it is unknown and why.
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { imageColumns } from '../../../renderer/components/inventory/other-columns';
import type { ImageRecord, KeyRecord } from '../../../shared/domain/inventory';
import { keyIndex } from '../../../shared/kms/key-reference';
import { stubMatchMedia } from '../stub-match-media';

const key: KeyRecord = {
  arn: 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
  account: '123456789012',
  aliases: ['alias/aws/ebs'],
  state: 'Enabled',
  spec: 'SYMMETRIC_DEFAULT',
  manager: 'AWS',
};

const image = (blockDevices: ImageRecord['blockDevices']) => ({
  id: 'ami-0123456789abcdef0',
  name: 'avi-se',
  state: 'available',
  ownerId: '123456789012',
  owned: true,
  isPublic: false,
  blockDevices,
  region: 'us-west-2',
});

const keyCell = (i: ReturnType<typeof image>) => {
  const column = imageColumns(keyIndex([key])).find((c) => c.id === 'kmsKey');
  if (!column) throw new Error('no KMS key column');
  return render(<>{column.cell(i)}</>);
};

describe('AMI key column', () => {
  beforeEach(() => stubMatchMedia());

  it('shows the snapshot’s key by its alias', () => {
    keyCell(image([{ device: '/dev/sda1', snapshotId: 'snap-1', encrypted: true, kmsKeyId: key.arn }]));
    expect(screen.getByText('alias/aws/ebs').getAttribute('title')).toBe(key.arn);
  });

  it('says the key is unknown, and why, when the snapshot could not be read', () => {
    keyCell(
      image([
        {
          device: '/dev/sda1',
          snapshotId: 'snap-1',
          encrypted: true,
          kmsKeyUnknown: 'its snapshot is not visible to this account (not shared with it)',
        },
      ]),
    );
    expect(
      screen.getByText(/\/dev\/sda1: key unknown: its snapshot is not visible to this account/),
    ).toBeTruthy();
  });

  it('shows a dash for an unencrypted AMI', () => {
    keyCell(image([{ device: '/dev/sda1', snapshotId: 'snap-1', encrypted: false }]));
    expect(screen.getByText('—')).toBeTruthy();
  });
});
