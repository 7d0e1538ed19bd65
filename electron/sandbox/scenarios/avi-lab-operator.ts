// avi-lab's `avi-lab-operator` role: may do everything except ec2:AttachVolume, so a migration's
// preflight (electron/core/preflight) has a real denial to find. Any principal of the account with
// sts:AssumeRole may assume it (the trust policy names the account).
import type { SandboxWorld } from '../world';

export const AVI_LAB_OPERATOR_ROLE = 'avi-lab-operator';

export function addAviLabOperator(world: SandboxWorld, now: number): void {
  const account = world.defaultAccountId;
  const arn = `arn:aws:iam::${account}:role/${AVI_LAB_OPERATOR_ROLE}`;
  world.principals.set(arn, {
    arn,
    accountId: account,
    userId: 'AROAAVILABOPERATOR01',
    name: AVI_LAB_OPERATOR_ROLE,
    path: '/',
    createDate: now,
    policies: [],
    inlinePolicies: {
      'all-but-attach-volume': JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AllButAttachVolume', Effect: 'Allow', NotAction: 'ec2:AttachVolume', Resource: '*' },
        ],
      }),
    },
    trustPolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' },
      ],
    }),
  });
}
