// The list of operations the app calls is read from its source: commands, paginators and waiters
// imported from the SDK's client packages, with the service of each package.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appOperations } from './app-operations';

const root = mkdtempSync(join(tmpdir(), 'envelope-app-operations-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('appOperations', () => {
  it('finds commands, paginators and waiters by client package, and the credential providers’ calls', () => {
    mkdirSync(join(root, 'inventory'));
    writeFileSync(
      join(root, 'inventory', 'scan.ts'),
      [
        "import {\n  DescribeVolumesCommand,\n  paginateDescribeImages,\n  waitUntilSnapshotCompleted,\n  type EC2Client,\n} from '@aws-sdk/client-ec2';",
        "import { ListKeysCommand as Keys, type DescribeKeyCommandOutput } from '@aws-sdk/client-kms';",
        "import { paginateDescribeAutoScalingGroups } from '@aws-sdk/client-auto-scaling';",
        "import { z } from 'zod';",
      ].join('\n'),
    );
    expect(appOperations([root])).toEqual([
      'autoscaling DescribeAutoScalingGroups',
      'ec2 DescribeImages',
      'ec2 DescribeSnapshots',
      'ec2 DescribeVolumes',
      'kms ListKeys',
      'sso GetRoleCredentials',
      'sts AssumeRole',
    ]);
  });

  it('says which waiter it cannot map', () => {
    writeFileSync(join(root, 'waiter.ts'), "import { waitUntilVpcAvailable } from '@aws-sdk/client-ec2';");
    expect(() => appOperations([root])).toThrow(/waitUntilVpcAvailable/);
  });
});
