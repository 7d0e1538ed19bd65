// The sandbox account as core sees it: an endpoint and a fixed key pair, started on first use.
// Core does not import the sandbox itself; Electron main, the preview and the CLI hand core a
// SandboxProvider (electron/sandbox/provider.ts) so the sandbox never ships inside core's logic.
export interface SandboxConnection {
  readonly endpoint: string; // http://127.0.0.1:PORT
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface SandboxProvider {
  ensureStarted(): Promise<SandboxConnection>;
  stop(): Promise<void>;
}
