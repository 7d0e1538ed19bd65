// Fault injection, driven by the control API (POST /_sandbox/faults) or in-process. A fault
// matches calls by service and action (both optional = every call) and counts matching calls from
// the moment it is added. Simulated-time faults (unavailable for a while, disable a key at a
// time) use the sandbox clock; latency is real milliseconds because the client waits on the wall clock.
import { z } from 'zod';
import type { KeyState, SandboxWorld } from './world';

const match = {
  service: z.string().optional(), // 'ec2', 'kms', 's3', 'sts', 'iam', 'autoscaling', 'sso', 'sso-oidc'
  action: z.string().optional(), // 'CopySnapshot', 'DescribeKey', 'GetBucketEncryption', …
};

export const faultSpecSchema = z.discriminatedUnion('kind', [
  // Fail the nth matching call (1 = the next one) and the count-1 calls after it.
  z.object({
    kind: z.literal('fail'),
    ...match,
    nth: z.number().int().min(1).default(1),
    count: z.number().int().min(1).default(1),
    code: z.string().min(1),
    message: z.string().default(''),
    status: z.number().int().min(400).max(599).default(400),
  }),
  // Delay every matching answer by ms real milliseconds.
  z.object({ kind: z.literal('latency'), ...match, ms: z.number().min(0) }),
  // Destroy the socket of the nth matching call (and count-1 after it) without answering.
  z.object({
    kind: z.literal('drop'),
    ...match,
    nth: z.number().int().min(1).default(1),
    count: z.number().int().min(1).default(1),
  }),
  // Answer 503 to every matching call for forMs simulated milliseconds from now.
  z.object({ kind: z.literal('unavailable'), service: z.string().optional(), forMs: z.number().min(0) }),
  // Put a KMS key (id, ARN or alias name) into a state at simulated time atMs (epoch ms) or
  // afterMs from now; immediately when neither is given. With service and/or action instead: just
  // before the nth matching call is handled (so "disable the key when StopInstances comes" lands
  // at the same step of a run whatever the clock speed).
  z.object({
    kind: z.literal('key-state'),
    keyId: z.string().min(1),
    state: z.enum(['Disabled', 'PendingDeletion', 'Enabled']).default('Disabled'),
    atMs: z.number().optional(),
    afterMs: z.number().min(0).optional(),
    ...match,
    nth: z.number().int().min(1).default(1),
  }),
  // No 'refuse-encryption' kind: every instance type supports EBS encryption (EBS user guide,
  // "Supported instance types"), so an instance type refusing an encrypted volume is something AWS
  // does not do.
]);

export type FaultSpec = z.input<typeof faultSpecSchema>;
type ParsedFault = z.output<typeof faultSpecSchema>;

export interface ActiveFault {
  readonly id: string;
  readonly spec: ParsedFault;
  seen: number; // matching calls so far
  // For unavailable: until when (simulated); for key-state: when it fires (simulated).
  readonly at?: number;
  done: boolean;
}

// What the server must do with one call.
export type FaultOutcome =
  | { readonly kind: 'none'; readonly latencyMs: number }
  | {
      readonly kind: 'fail';
      readonly code: string;
      readonly message: string;
      readonly status: number;
      readonly latencyMs: number;
    }
  | { readonly kind: 'unavailable'; readonly latencyMs: number }
  | { readonly kind: 'drop'; readonly latencyMs: number };

export class Faults {
  private faults: ActiveFault[] = [];
  private counter = 0;

  constructor(
    private readonly now: () => number,
    private readonly world: () => SandboxWorld,
  ) {}

  add(input: unknown): ActiveFault {
    const spec = faultSpecSchema.parse(input);
    this.counter += 1;
    const id = `fault-${this.counter}`;
    let at: number | undefined;
    if (spec.kind === 'unavailable') at = this.now() + spec.forMs;
    if (spec.kind === 'key-state' && !onCallTrigger(spec)) at = spec.atMs ?? this.now() + (spec.afterMs ?? 0);
    const fault: ActiveFault = { id, spec, seen: 0, done: false, ...(at === undefined ? {} : { at }) };
    this.faults.push(fault);
    this.applyDue();
    return fault;
  }

  list(): readonly ActiveFault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  // Fires scheduled world changes whose time has come (called before every request).
  applyDue(): void {
    const now = this.now();
    for (const fault of this.faults) {
      if (fault.done || fault.spec.kind !== 'key-state' || fault.at === undefined || fault.at > now) continue;
      setKeyState(this.world(), fault.spec.keyId, fault.spec.state, now);
      fault.done = true;
    }
  }

  // Decides the fate of one call; counts it against every matching fault.
  onCall(service: string, action: string): FaultOutcome {
    this.applyDue();
    const now = this.now();
    let latencyMs = 0;
    let outcome: FaultOutcome | undefined;
    for (const fault of this.faults) {
      const spec = fault.spec;
      if (fault.done) continue;
      if (spec.kind === 'key-state') {
        if (!onCallTrigger(spec) || !matches(spec, service, action)) continue;
        fault.seen += 1;
        if (fault.seen < spec.nth) continue;
        setKeyState(this.world(), spec.keyId, spec.state, now);
        fault.done = true;
        continue;
      }
      if (spec.service !== undefined && spec.service !== service) continue;
      if (spec.kind === 'unavailable') {
        if (fault.at !== undefined && now >= fault.at) fault.done = true;
        else outcome ??= { kind: 'unavailable', latencyMs: 0 };
        continue;
      }
      if (spec.action !== undefined && spec.action !== action) continue;
      if (spec.kind === 'latency') {
        latencyMs += spec.ms;
        continue;
      }
      fault.seen += 1;
      if (fault.seen < spec.nth) continue;
      if (fault.seen >= spec.nth + spec.count - 1) fault.done = true;
      if (spec.kind === 'drop') outcome ??= { kind: 'drop', latencyMs: 0 };
      else
        outcome ??= {
          kind: 'fail',
          code: spec.code,
          message: spec.message,
          status: spec.status,
          latencyMs: 0,
        };
    }
    return outcome ? { ...outcome, latencyMs } : { kind: 'none', latencyMs };
  }
}

type KeyStateSpec = Extract<ParsedFault, { kind: 'key-state' }>;

const onCallTrigger = (spec: KeyStateSpec) => spec.service !== undefined || spec.action !== undefined;

const matches = (spec: KeyStateSpec, service: string, action: string) =>
  (spec.service === undefined || spec.service === service) &&
  (spec.action === undefined || spec.action === action);

// Finds a key by id, ARN, alias name or alias ARN, across regions (the control API names keys
// the way the tests know them).
function setKeyState(world: SandboxWorld, ref: string, state: KeyState, now: number): void {
  let targetId = ref;
  for (const alias of world.kmsAliases.values()) {
    if ((alias.aliasName === ref || alias.aliasArn === ref) && alias.targetKeyId)
      targetId = alias.targetKeyId;
  }
  for (const key of world.kmsKeys.values()) {
    if (key.keyId !== targetId && key.arn !== targetId) continue;
    key.state = state;
    if (state === 'PendingDeletion') {
      key.pendingWindowInDays = 7;
      key.deletionDate = now + 7 * 86_400_000;
    } else {
      delete key.deletionDate;
      delete key.pendingWindowInDays;
    }
  }
}
