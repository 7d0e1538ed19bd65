// The sandbox's one configuration: every rate of the time model, throttling and latency. All
// durations are SIMULATED milliseconds (see clock.ts), all throughputs GiB per simulated second.
// AWS publishes no throughput figures for snapshots; the values below are the order of magnitude
// operators report and AWS's own guidance implies ("snapshots of large volumes take hours",
// first snapshot full, later ones incremental), chosen so a 100 GiB migration takes tens of
// simulated minutes: slow enough to exercise progress and waiters, fast at speed 3600.
import type { SandboxRates } from './context';

export const defaultRates: SandboxRates = {
  // CreateSnapshot: ~0.1 GiB/s (≈ 360 GiB/h) of changed blocks. A full 100 GiB first snapshot
  // takes ≈ 17 min; an incremental one of 2 GiB ≈ 20 s.
  snapshotGiBPerSecond: 0.1,
  // CopySnapshot / CopyImage: slower than a local snapshot because a full copy re-encrypts or
  // crosses regions (AWS: "a complete, non-incremental copy"); ≈ 180 GiB/h.
  copyGiBPerSecond: 0.05,
  // CreateVolume: creating → available in a few seconds (lazy loading from S3 happens later).
  volumeCreateMs: 5_000,
  // AttachVolume: attaching → attached, DetachVolume: detaching → detached.
  attachMs: 3_000,
  detachMs: 5_000,
  // RunInstances / StartInstances: pending → running ≈ 30 s for EBS-backed Linux instances.
  instanceStartMs: 30_000,
  // StopInstances: stopping → stopped ≈ 1 min (OS shutdown, then EBS detach).
  instanceStopMs: 60_000,
  // CreateImage / CopyImage: the AMI turns available this long after its last snapshot completes.
  imageRegisterMs: 30_000,
  // Eventual consistency ("Eventual consistency in the Amazon EC2 API", EC2 developer guide): right
  // after RunInstances, DescribeInstances with the new id may answer InvalidInstanceID.NotFound
  // ("This does not mean the instance does not exist"); AWS advises retrying "starting with a couple
  // of seconds". AWS gives no figure; two seconds is the sandbox's choice.
  idPropagationMs: 2_000,
};

export interface SandboxConfig {
  readonly rates: SandboxRates;
  // EC2 token buckets and KMS request quotas (throttle.ts). On by default, as in AWS.
  readonly throttling: boolean;
  // Added to every answer, in REAL milliseconds (the client waits on the wall clock).
  readonly latencyMs: number;
  // Clock speed: 1 = real time, 3600 = an hour per second, 0 = frozen (advance only).
  readonly speed: number;
}

export const defaultConfig: SandboxConfig = {
  rates: defaultRates,
  throttling: true,
  latencyMs: 0,
  speed: 1,
};

// The well-known sandbox account and credentials: the app, the tests and the AWS CLI use them.
// They open nothing but the loopback sandbox, so they are not secrets (like AWS's documentation
// examples they are published on purpose).
export const SANDBOX_ACCOUNT_ID = '123456789012';
export const SANDBOX_REGION = 'us-east-1';
export const SANDBOX_ACCESS_KEY_ID = 'AKIASANDBOXEXAMPLE00';
export const SANDBOX_SECRET_ACCESS_KEY = 'sandbox/K7MDENG/bPxRfiCYSANDBOXSECRETKEY';
export const SANDBOX_USER_NAME = 'sandbox-admin';
