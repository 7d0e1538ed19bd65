// What an imported plan's seal and signature prove, and who signed it: this installation, a
// trusted signer, an unknown one (with "Trust this signer" once the fingerprint was compared with
// its owner), or nobody (unsigned: a clear warning). A bad signature never gets here: core refuses
// the import with its reason.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import type { PlanSummary } from '../../../shared/plans/plan-summary';
import { SEAL_MEANING, SIGNATURE_MEANING } from '../../../shared/plans/signature';
import { trustSigner } from '../../stores/plan-signers';

function Fingerprint(props: { readonly value: string }) {
  return (
    <Box variant="code" display="block">
      <span style={{ overflowWrap: 'anywhere' }}>{props.value}</span>
    </Box>
  );
}

export function PlanSignerAlert(props: { readonly summary: PlanSummary }) {
  const signer = props.summary.signer;
  const [trusted, setTrusted] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  if (!signer) return null; // made here, not imported: nothing to say about who made it
  if (signer.status === 'unsigned') {
    return (
      <Alert type="warning" header="Unsigned plan">
        Nothing says who made this plan. {SEAL_MEANING} Review every step before you run it, or ask its author
        for a signed export.
      </Alert>
    );
  }
  const known = signer.known || trusted === signer.fingerprint;
  const header = signer.thisInstallation
    ? 'Signed by this installation'
    : known
      ? 'Signed by a trusted signer'
      : 'Signed by an unknown signer';
  const trust = async () => {
    setBusy(true);
    if (await trustSigner(signer.fingerprint)) setTrusted(signer.fingerprint);
    setBusy(false);
  };
  return (
    <Alert
      type={known ? 'success' : 'warning'}
      header={header}
      action={
        known ? undefined : (
          <Button loading={busy} onClick={() => void trust()}>
            Trust this signer
          </Button>
        )
      }
    >
      <SpaceBetween size="xs">
        <Box>Signer fingerprint (SHA-256 of its Ed25519 public key):</Box>
        <Fingerprint value={signer.fingerprint} />
        <Box>
          {known
            ? SIGNATURE_MEANING
            : 'Compare this fingerprint with its owner (in person or another channel you trust) before trusting it; anyone can sign a plan with a key of their own.'}
        </Box>
      </SpaceBetween>
    </Alert>
  );
}
