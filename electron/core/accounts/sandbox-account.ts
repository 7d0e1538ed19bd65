// The sandbox account as core sees it: an endpoint and a fixed key pair, started on first use.
// Core does not import the sandbox itself; Electron main, the preview and the CLI hand core a
// SandboxProvider (electron/sandbox/provider.ts) so the sandbox never ships inside core's logic.
export interface SandboxConnection {
  readonly endpoint: string; // http://127.0.0.1:PORT
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  // The sandbox's IAM Identity Center: its start URL and region (defaults below when absent).
  readonly ssoStartUrl?: string;
  readonly ssoRegion?: string;
}

// The sandbox world's start URL (electron/sandbox/world-factory.ts); only a name for the
// device flow, every call goes to the sandbox's loopback endpoint.
export const SANDBOX_SSO_START_URL = 'https://sandbox.awsapps.com/start';

export interface SandboxProvider {
  ensureStarted(): Promise<SandboxConnection>;
  stop(): Promise<void>;
  // How many times faster than AWS the sandbox's clock runs (labels estimates as AWS time).
  speed?(): number;
}
