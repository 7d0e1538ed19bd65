// What every sandbox operation handler receives, and the error it throws. Handlers are plain
// functions of (context, input) → output over the world; the server (server.ts) owns the wire:
// it parses the request for the protocol, calls the handler, and serializes the answer or the
// AwsError in that protocol's format.
import type { SandboxWorld, Region, AccountId } from './world';

// Simulated time. `now()` is milliseconds since the epoch on the sandbox's clock, which runs
// `speed` times faster than real time (1 = real time) and can be advanced by the control API.
export interface SandboxClock {
  now(): number;
  readonly speed: number;
  setSpeed(speed: number): void;
  advance(ms: number): void;
}

// Rates and durations of the time model, in one place (documented in sandbox/config.ts).
export interface SandboxRates {
  snapshotGiBPerSecond: number; // EBS snapshot copy throughput
  copyGiBPerSecond: number; // CopySnapshot / CopyImage throughput
  volumeCreateMs: number; // creating → available
  attachMs: number; // attaching → attached
  detachMs: number; // detaching → detached
  instanceStartMs: number; // pending → running
  instanceStopMs: number; // stopping → stopped
  imageRegisterMs: number; // extra time after the last snapshot completes before an AMI is available
  idPropagationMs: number; // a new instance's id reaches DescribeInstances this long after RunInstances
}

export interface CallContext {
  readonly world: SandboxWorld;
  readonly clock: SandboxClock;
  readonly rates: SandboxRates;
  readonly region: Region;
  readonly accountId: AccountId;
  // The calling principal: an IAM user ARN, or an assumed-role ARN (arn:aws:sts::ACCT:assumed-role/ROLE/SESSION).
  readonly principalArn: string;
  readonly accessKeyId: string;
  readonly requestId: string;
}

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    // 'Sender' (client fault) or 'Receiver' (server fault), as awsQuery error documents say.
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
    // Headers the error answer carries (S3: x-amz-delete-marker on a 404 for a deleted key).
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = code;
  }
}

// Flattened Query parameters as sent on the wire: { Action, Version, 'VolumeId.1': 'vol-…',
// 'Filter.1.Name': 'encrypted', 'Filter.1.Value.1': 'false', … }.
export type QueryParams = Readonly<Record<string, string>>;

// EC2, STS, IAM and Auto Scaling: returns the content of <ActionResponse> (EC2) or <ActionResult>
// (awsQuery) as a plain object for fast-xml-parser's builder; lists are { item: [...] } for EC2
// and { member: [...] } for awsQuery, exactly as AWS writes them.
export type QueryHandler = (ctx: CallContext, params: QueryParams) => Record<string, unknown>;

// KMS (JSON 1.1): the parsed JSON body in, the JSON answer out.
export type JsonHandler = (ctx: CallContext, body: Record<string, unknown>) => Record<string, unknown>;

export interface RestRequest {
  readonly method: string;
  readonly path: string; // decoded, without the query string; for S3 with the bucket removed
  readonly bucket?: string; // S3: from the host (virtual-host style) or the first path segment
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

export interface RestResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

// S3 (REST-XML), SSO and SSO-OIDC (REST-JSON): the whole request in, the whole answer out.
export type RestHandler = (ctx: CallContext, request: RestRequest) => RestResponse;

export type { Region, AccountId };
