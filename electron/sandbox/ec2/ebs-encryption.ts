// Which key new EBS data gets, per the EBS user guide's encryption rules:
// - encryption by default on → every new volume and snapshot copy is encrypted (Encrypted=false
//   cannot turn it off);
// - an encrypted source stays encrypted ("you can't create an unencrypted volume from an
//   encrypted snapshot"), by default under the source's key when it is in this region;
// - an unencrypted source may become encrypted (Encrypted=true);
// - no KmsKeyId → the region's default EBS key (ModifyEbsDefaultKmsKeyId, else aws/ebs, created
//   on first use);
// - KmsKeyId without Encrypted=true → InvalidParameterDependency.
import type { CallContext } from '../context';
import { kmsKeyIdNeedsEncrypted } from './errors';
import { regionKey } from './scope';

export interface EncryptionSource {
  readonly encrypted: boolean;
  readonly kmsKeyArn?: string;
  readonly region: string;
}

export interface EncryptionRequest {
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly source?: EncryptionSource;
}

// keyRef undefined with encrypted = the port's default (aws/ebs).
export type EncryptionPlan =
  { readonly encrypted: false } | { readonly encrypted: true; readonly keyRef: string | undefined };

export function ebsDefaults(ctx: CallContext): { enabled: boolean; kmsKeyId?: string } {
  return ctx.world.ebsEncryptionByDefault.get(regionKey(ctx)) ?? { enabled: false };
}

export function planEncryption(ctx: CallContext, req: EncryptionRequest): EncryptionPlan {
  if (req.kmsKeyId !== undefined && req.encrypted !== true) throw kmsKeyIdNeedsEncrypted();
  const defaults = ebsDefaults(ctx);
  const source = req.source;
  const encrypted = req.encrypted === true || source?.encrypted === true || defaults.enabled;
  if (!encrypted) return { encrypted: false };
  if (req.kmsKeyId !== undefined) return { encrypted: true, keyRef: req.kmsKeyId };
  if (source?.encrypted && source.region === ctx.region && source.kmsKeyArn) {
    return { encrypted: true, keyRef: source.kmsKeyArn };
  }
  return { encrypted: true, keyRef: defaults.kmsKeyId };
}
