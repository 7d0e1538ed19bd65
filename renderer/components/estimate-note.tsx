// Estimates are in AWS time; on the sandbox account the clock runs faster, so a 48 min copy ends
// in about a minute. Said wherever estimates are shown, only on the sandbox.
import Box from '@cloudscape-design/components/box';
import { useEffect } from 'react';
import { SANDBOX_PROFILE } from '../../shared/domain/accounts';
import { useAccountsStore } from '../stores/accounts-store';
import { useAppStore } from '../stores/app-store';

export function sandboxTimeNote(speed: number | undefined): string {
  return speed && speed > 1
    ? `Estimates are in AWS time; the sandbox runs ${speed}× faster, so it finishes sooner.`
    : 'Estimates are in AWS time; the sandbox may run faster than AWS.';
}

export function EstimateNote() {
  const profile = useAccountsStore((s) => s.selection?.profile);
  const info = useAppStore((s) => s.info);
  useEffect(() => {
    if (profile === SANDBOX_PROFILE && useAppStore.getState().info.status === 'idle') {
      void useAppStore.getState().load();
    }
  }, [profile]);
  if (profile !== SANDBOX_PROFILE) return null;
  const speed = info.status === 'ready' ? info.value.sandboxSpeed : undefined;
  return (
    <Box variant="small" color="text-status-info">
      {sandboxTimeNote(speed)}
    </Box>
  );
}
