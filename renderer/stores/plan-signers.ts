// Trusting a plan signer from the import view: core adds the fingerprint to the data directory's
// list of trusted signers. No state here (the import view keeps what it showed); a failure is
// notified with what to do.
import { api } from '../bridge/api';
import { useUiStore } from './ui-store';

export async function trustSigner(fingerprint: string): Promise<boolean> {
  const result = await api().plans.trust({ fingerprint });
  if (result.ok) return true;
  useUiStore.getState().notifyError({
    ...result.error,
    hint: result.error.hint ?? 'Nothing was trusted; import the plan again and retry.',
  });
  return false;
}
