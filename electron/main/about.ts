// The About panel: the app's version and the versions of what it runs on.
import type { AboutPanelOptionsOptions } from 'electron';

export interface RuntimeVersions {
  readonly electron?: string;
  readonly chrome?: string;
  readonly node?: string;
  readonly v8?: string;
}

export function aboutPanelOptions(version: string, versions: RuntimeVersions): AboutPanelOptionsOptions {
  const runtime = [
    versions.electron && `Electron ${versions.electron}`,
    versions.chrome && `Chromium ${versions.chrome}`,
    versions.node && `Node.js ${versions.node}`,
    versions.v8 && `V8 ${versions.v8}`,
  ].filter((part): part is string => Boolean(part));
  return {
    applicationName: 'Envelope',
    applicationVersion: version,
    version: runtime.join(' · '),
    credits: 'Moves EC2 instances, AMIs and S3 buckets to KMS encryption at rest.',
    copyright: 'MIT License',
  };
}
