// The AWS operations the app calls, read from its source (electron/core, electron/cli): every
// `XCommand`, `paginateX` and `waitUntilX` imported from an @aws-sdk/client-* package, waiters
// mapped to the Describe call they poll, plus the calls the SDK's credential providers make for
// the app (sts:AssumeRole for role profiles, sso:GetRoleCredentials for SSO profiles). The
// conformance test fails when one of them got no answer, so a new call cannot go unchecked.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelService } from './model';

const PACKAGE_SERVICE: Readonly<Record<string, ModelService>> = {
  'client-ec2': 'ec2',
  'client-kms': 'kms',
  'client-s3': 's3',
  'client-s3-control': 's3control',
  'client-sts': 'sts',
  'client-iam': 'iam',
  'client-auto-scaling': 'autoscaling',
  'client-sso': 'sso',
  'client-sso-oidc': 'sso-oidc',
};

// The operation each waiter the app uses polls (the SDK's waiters/waitFor*.ts).
const WAITER_OPERATION: Readonly<Record<string, string>> = {
  ImageAvailable: 'DescribeImages',
  ImageExists: 'DescribeImages',
  SnapshotCompleted: 'DescribeSnapshots',
  VolumeAvailable: 'DescribeVolumes',
  VolumeInUse: 'DescribeVolumes',
  VolumeDeleted: 'DescribeVolumes',
  InstanceStopped: 'DescribeInstances',
  InstanceRunning: 'DescribeInstances',
  InstanceTerminated: 'DescribeInstances',
  InstanceExists: 'DescribeInstances',
};

const CREDENTIAL_PROVIDER_OPERATIONS = ['sts AssumeRole', 'sso GetRoleCredentials'];

const IMPORT = /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@aws-sdk\/([a-z0-9-]+)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function operationOfImport(name: string): string | undefined {
  const command = /^(\w+)Command$/.exec(name)?.[1];
  if (command) return command;
  const paginated = /^paginate(\w+)$/.exec(name)?.[1];
  if (paginated) return paginated;
  const waiter = /^waitUntil(\w+)$/.exec(name)?.[1];
  if (waiter) {
    const operation = WAITER_OPERATION[waiter];
    if (!operation) throw new Error(`app-operations.ts: add the operation waitUntil${waiter} polls`);
    return operation;
  }
  return undefined;
}

// "service Operation" strings, sorted.
export function appOperations(roots: readonly string[]): string[] {
  const found = new Set<string>(CREDENTIAL_PROVIDER_OPERATIONS);
  for (const file of roots.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const service = PACKAGE_SERVICE[match[2] ?? ''];
      if (!service) continue;
      for (const raw of (match[1] ?? '').split(',')) {
        const name =
          raw
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)[0]
            ?.trim() ?? '';
        const operation = operationOfImport(name);
        if (operation) found.add(`${service} ${operation}`);
      }
    }
  }
  return [...found].sort();
}
