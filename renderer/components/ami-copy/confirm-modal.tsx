// A yes/no question before something that cannot be undone (cancel, cleanup, deregister).
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export interface ConfirmModalProps {
  readonly visible: boolean;
  readonly header: string;
  readonly confirmText: string;
  readonly children: ReactNode;
  readonly onConfirm: () => void;
  readonly onDismiss: () => void;
}

export function ConfirmModal({
  visible,
  header,
  confirmText,
  children,
  onConfirm,
  onDismiss,
}: ConfirmModalProps) {
  return (
    <Modal
      visible={visible}
      header={header}
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Keep it
            </Button>
            <Button variant="primary" onClick={onConfirm}>
              {confirmText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {children}
    </Modal>
  );
}
