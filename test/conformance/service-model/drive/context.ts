// What a driver gets: SDK clients for one region whose raw answers are recorded, the sandbox's
// control, and helpers for the error paths the app relies on.
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { STSClient } from '@aws-sdk/client-sts';
import type { TestSandbox } from '../../../helpers/sandbox';
import {
  s3ControlEndpoint,
  s3ControlRequestHandler,
} from '../../../../electron/core/aws/s3-control-endpoint';
import type { RawAnswer } from '../answer';
import { recordAnswers } from '../recorder';

export interface DriveContext {
  readonly sandbox: TestSandbox;
  readonly region: string;
  readonly ec2: EC2Client;
  readonly kms: KMSClient;
  readonly s3: S3Client;
  readonly s3control: S3ControlClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  readonly autoscaling: AutoScalingClient;
  readonly sso: SSOClient;
  readonly oidc: SSOOIDCClient;
  // Moves the frozen simulated clock (ms).
  advance(ms: number): void;
  destroy(): void;
}

export function driveContext(sandbox: TestSandbox, region: string, sink: RawAnswer[]): DriveContext {
  const config = { ...sandbox.sdkConfig, region };
  const ec2 = recordAnswers(new EC2Client(config), 'ec2', sink);
  const kms = recordAnswers(new KMSClient(config), 'kms', sink);
  const s3 = recordAnswers(new S3Client({ ...config, forcePathStyle: true }), 's3', sink);
  // S3 Control as the app reaches it: the account id in front of a localhost endpoint.
  const s3control = recordAnswers(
    new S3ControlClient({
      ...config,
      endpoint: s3ControlEndpoint(config.endpoint),
      requestHandler: s3ControlRequestHandler(),
    }),
    's3control',
    sink,
  );
  const sts = recordAnswers(new STSClient(config), 'sts', sink);
  const iam = recordAnswers(new IAMClient(config), 'iam', sink);
  const autoscaling = recordAnswers(new AutoScalingClient(config), 'autoscaling', sink);
  // SSO and SSO-OIDC calls are not signed (bearer token, public client).
  const unsigned = { endpoint: config.endpoint, region, maxAttempts: 1 };
  const sso = recordAnswers(new SSOClient(unsigned), 'sso', sink);
  const oidc = recordAnswers(new SSOOIDCClient(unsigned), 'sso-oidc', sink);
  const clients = [ec2, kms, s3, s3control, sts, iam, autoscaling, sso, oidc];
  return {
    sandbox,
    region,
    ec2,
    kms,
    s3,
    s3control,
    sts,
    iam,
    autoscaling,
    sso,
    oidc,
    advance: (ms) => void sandbox.control.advanceClock(ms),
    destroy: () => clients.forEach((client) => client.destroy()),
  };
}

// Runs a call the app expects to fail, and checks it failed with `code`: the error answer itself
// is recorded and validated like any other.
export async function expectError(call: Promise<unknown>, code: string): Promise<void> {
  try {
    await call;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === code) return;
    throw new Error(`expected ${code}, got ${name ?? String(error)}`, { cause: error });
  }
  throw new Error(`expected ${code}, the call succeeded`);
}

// Runs a call whose outcome (answer or error) does not matter here: its answer is recorded.
export async function settle(call: Promise<unknown>): Promise<void> {
  await call.catch(() => undefined);
}

// Collects a paginator's pages (every page is an answer).
export async function allPages<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const page of pages) result.push(page);
  return result;
}
