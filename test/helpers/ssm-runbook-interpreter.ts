// A test-only interpreter of SSM Automation runbooks (schemaVersion 0.3), for running Envelope's
// exported runbook against the sandbox. It implements exactly the step types the export uses and
// refuses everything else before the first step runs, so a runbook that starts using an action or
// a property this file does not model fails its test loudly instead of being half-simulated.
//
// What it follows (AWS Systems Manager User Guide unless said otherwise):
// - "Properties shared by all actions": name, action, inputs, description, onFailure (Abort |
//   Continue | step:<name>; default Abort), nextStep, isEnd, isCritical (default true; false when
//   onFailure is Continue), maxAttempts (default 1), timeoutSeconds.
// - API reference, StepExecution: IsEnd ends the automation "no matter whether the step succeeds or
//   fails"; "Using conditional statements in runbooks": a failed critical step makes the final
//   status Failed, even when onFailure moved the run on.
// - "aws:executeAwsApi": Service is the boto3 namespace, Api the operation name, the other inputs
//   the operation's parameters; outputs are {Name, Selector (JSONPath), Type}.
//   "Using action outputs as inputs": {{stepName.outputName}}; Type defaults to String.
// - "aws:waitForAwsResourceProperty" / "aws:assertAwsResourceProperty": PropertySelector and
//   DesiredValues; the wait polls until the selected value is one of them or the step times out.
// - "aws:changeInstanceState": DesiredState running | stopped | terminated, CheckStateOnly, Force;
//   running waits for the state running and instance and system status ok; default timeout 3600 s.
// - "System variables": {{automation:EXECUTION_ID}}.
// Choices this interpreter makes where the docs say nothing: a reference that cannot be resolved
// (a step that never ran, an output whose selector matched nothing) fails the step; JSONPath is
// limited to $ followed by .Name and [n] segments, anything else is refused up front.
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';

type Json = unknown;
interface Step {
  name: string;
  action: string;
  inputs: Record<string, unknown>;
  outputs?: { Name: string; Selector: string; Type?: string }[];
  onFailure?: string;
  nextStep?: string;
  isEnd?: boolean;
  isCritical?: boolean;
  maxAttempts?: number;
  timeoutSeconds?: number;
}

const STEP_PROPERTIES = new Set([
  'name',
  'action',
  'inputs',
  'outputs',
  'description',
  'onFailure',
  'nextStep',
  'isEnd',
  'isCritical',
  'maxAttempts',
  'timeoutSeconds',
]);
const ACTIONS = new Set([
  'aws:executeAwsApi',
  'aws:waitForAwsResourceProperty',
  'aws:assertAwsResourceProperty',
  'aws:changeInstanceState',
]);
const DEFAULT_TIMEOUT_S: Record<string, number> = { 'aws:changeInstanceState': 3600 };
// The boto3 namespaces whose SDK v3 package name differs from the namespace itself.
const PACKAGE_ALIASES: Record<string, string> = { autoscaling: 'auto-scaling' };

export interface StepRecord {
  readonly name: string;
  readonly status: 'Success' | 'Failed';
  readonly error?: string;
}

export interface RunbookResult {
  readonly status: 'Success' | 'Failed';
  readonly steps: StepRecord[];
  readonly outputs: Record<string, Json>;
}

export interface InterpreterOptions {
  // Client config for every service (endpoint, region, credentials).
  readonly clientConfig: Record<string, unknown>;
  readonly parameters?: Record<string, Json>;
  // The clock timeouts are measured on (ms): the sandbox's simulated clock.
  readonly now: () => number;
  // Real milliseconds between polls, and a bound on polls per step so nothing hangs.
  readonly pollMs?: number;
  readonly maxPolls?: number;
  // Called before each attempt of a step (tests inject sandbox faults here).
  readonly beforeStep?: (step: { name: string; action: string }) => Promise<void>;
}

class StepFailure extends Error {}

// ---- JSONPath ($.A.B[0].C) -------------------------------------------------------------------

function parsePath(path: string): (string | number)[] {
  if (!/^\$((\.[A-Za-z0-9_]+)|(\[\d+\]))*$/.test(path)) {
    throw new Error(`ssm-runbook-interpreter: the JSONPath ${path} is beyond what is implemented ($.A[0].B)`);
  }
  return [...path.slice(1).matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)].map((m) =>
    m[1] !== undefined ? m[1] : Number(m[2]),
  );
}

function select(value: Json, path: string): Json {
  let current: Json = value;
  for (const key of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

// ---- the runbook's shape, checked before anything runs ----------------------------------------

function validate(doc: Record<string, unknown>): Step[] {
  if (doc.schemaVersion !== '0.3') throw new Error('ssm-runbook-interpreter: schemaVersion must be 0.3');
  const steps = doc.mainSteps;
  if (!Array.isArray(steps) || steps.length === 0) throw new Error('ssm-runbook-interpreter: no mainSteps');
  const names = new Set<string>();
  for (const step of steps as Step[]) {
    for (const key of Object.keys(step)) {
      if (!STEP_PROPERTIES.has(key))
        throw new Error(`ssm-runbook-interpreter: step ${step.name} uses ${key}, which is not implemented`);
    }
    if (!ACTIONS.has(step.action))
      throw new Error(
        `ssm-runbook-interpreter: step ${step.name} uses ${step.action}, which is not implemented`,
      );
    if (names.has(step.name)) throw new Error(`ssm-runbook-interpreter: two steps are named ${step.name}`);
    names.add(step.name);
    if (step.outputs !== undefined && step.action !== 'aws:executeAwsApi')
      throw new Error(`ssm-runbook-interpreter: outputs on ${step.action} are not implemented`);
    for (const o of (step.outputs as { Selector: string }[] | undefined) ?? []) parsePath(o.Selector);
    if (typeof step.inputs.PropertySelector === 'string') parsePath(step.inputs.PropertySelector);
  }
  for (const step of steps as Step[]) {
    const targets = [step.nextStep, (step.onFailure ?? '').replace(/^step:/, '')].filter(
      (t): t is string => typeof t === 'string' && t !== '' && t !== 'Abort' && t !== 'Continue',
    );
    for (const t of targets)
      if (!names.has(t))
        throw new Error(`ssm-runbook-interpreter: ${step.name} points at a missing step ${t}`);
  }
  return steps as Step[];
}

// ---- the interpreter ---------------------------------------------------------------------------

export class SsmRunbookInterpreter {
  private readonly values = new Map<string, Json>();
  private readonly clients = new Map<string, { send(command: unknown): Promise<unknown> }>();
  private readonly steps: Step[];
  private readonly parameters: Record<string, { default?: Json }>;

  constructor(
    runbookYaml: string,
    private readonly options: InterpreterOptions,
  ) {
    const doc = parse(runbookYaml) as Record<string, unknown>;
    this.steps = validate(doc);
    this.parameters = (doc.parameters ?? {}) as Record<string, { default?: Json }>;
  }

  async run(): Promise<RunbookResult> {
    this.values.set('automation:EXECUTION_ID', randomUUID());
    for (const [name, spec] of Object.entries(this.parameters)) {
      const value = this.options.parameters?.[name] ?? spec.default;
      if (value === undefined) throw new Error(`ssm-runbook-interpreter: parameter ${name} has no value`);
      this.values.set(name, value);
    }
    const records: StepRecord[] = [];
    let failed = false;
    let index = 0;
    while (index < this.steps.length) {
      const step = this.steps[index] as Step;
      const error = await this.attempt(step);
      records.push(
        error === undefined
          ? { name: step.name, status: 'Success' }
          : { name: step.name, status: 'Failed', error },
      );
      if (step.isEnd === true) break;
      if (error === undefined) {
        index = step.nextStep ? this.indexOf(step.nextStep) : index + 1;
        continue;
      }
      const onFailure = step.onFailure ?? 'Abort';
      const critical = step.isCritical ?? onFailure !== 'Continue';
      if (critical === true) failed = true;
      if (onFailure === 'Abort') {
        failed = true;
        break;
      }
      index = onFailure === 'Continue' ? index + 1 : this.indexOf(onFailure.replace(/^step:/, ''));
    }
    return {
      status: failed ? 'Failed' : 'Success',
      steps: records,
      outputs: Object.fromEntries(this.values),
    };
  }

  private indexOf(name: string): number {
    return this.steps.findIndex((s) => s.name === name);
  }

  // maxAttempts tries; the error of the last one, or undefined on success.
  private async attempt(step: Step): Promise<string | undefined> {
    const attempts = typeof step.maxAttempts === 'number' ? step.maxAttempts : 1;
    let last = '';
    for (let i = 0; i < attempts; i += 1) {
      try {
        await this.options.beforeStep?.({ name: step.name, action: step.action });
        await this.execute(step);
        return undefined;
      } catch (error) {
        if (!(error instanceof StepFailure) && !isAwsError(error)) throw error;
        last = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
    return last;
  }

  private async execute(step: Step): Promise<void> {
    const inputs = this.resolve(step.inputs) as Record<string, Json>;
    const deadline =
      this.options.now() + 1000 * Number(step.timeoutSeconds ?? DEFAULT_TIMEOUT_S[step.action] ?? 3600);
    switch (step.action) {
      case 'aws:executeAwsApi': {
        const response = await this.call(inputs);
        for (const o of step.outputs ?? []) {
          const value = select(response, o.Selector);
          if (value === undefined) continue; // referenced later: that step fails
          this.values.set(`${step.name}.${o.Name}`, convert(value, o.Type ?? 'String'));
        }
        return;
      }
      case 'aws:assertAwsResourceProperty': {
        const value = select(await this.call(inputs), String(inputs.PropertySelector));
        if (!desired(inputs, value))
          throw new StepFailure(
            `${String(inputs.PropertySelector)} is ${String(value)}, not one of the desired values`,
          );
        return;
      }
      case 'aws:waitForAwsResourceProperty':
        return this.poll(deadline, async () =>
          desired(inputs, select(await this.call(inputs), String(inputs.PropertySelector))),
        );
      case 'aws:changeInstanceState':
        return this.changeInstanceState(inputs, deadline);
      default:
        throw new Error(`ssm-runbook-interpreter: ${step.action} is not implemented`);
    }
  }

  private async changeInstanceState(inputs: Record<string, Json>, deadline: number): Promise<void> {
    const ids = inputs.InstanceIds as string[];
    const desiredState = String(inputs.DesiredState);
    const ec2 = { Service: 'ec2', InstanceIds: ids };
    if (inputs.CheckStateOnly !== true) {
      const api = { running: 'StartInstances', stopped: 'StopInstances', terminated: 'TerminateInstances' }[
        desiredState
      ];
      if (!api) throw new StepFailure(`DesiredState ${desiredState} is not valid`);
      await this.call({ ...ec2, Api: api, ...(inputs.Force === true ? { Force: true } : {}) });
    }
    await this.poll(deadline, async () => {
      if (desiredState !== 'running') {
        const answer = (await this.call({ ...ec2, Api: 'DescribeInstances' })) as {
          Reservations?: { Instances?: { State?: { Name?: string } }[] }[];
        };
        const states = (answer.Reservations ?? [])
          .flatMap((r) => r.Instances ?? [])
          .map((i) => i.State?.Name);
        return states.length === ids.length && states.every((s) => s === desiredState);
      }
      const answer = (await this.call({
        ...ec2,
        Api: 'DescribeInstanceStatus',
        IncludeAllInstances: true,
      })) as {
        InstanceStatuses?: {
          InstanceState?: { Name?: string };
          InstanceStatus?: { Status?: string };
          SystemStatus?: { Status?: string };
        }[];
      };
      const all = answer.InstanceStatuses ?? [];
      return (
        all.length === ids.length &&
        all.every(
          (s) =>
            s.InstanceState?.Name === 'running' &&
            s.InstanceStatus?.Status === 'ok' &&
            s.SystemStatus?.Status === 'ok',
        )
      );
    });
  }

  private async poll(deadline: number, done: () => Promise<boolean>): Promise<void> {
    const max = this.options.maxPolls ?? 2000;
    for (let i = 0; i < max; i += 1) {
      if (await done()) return;
      if (this.options.now() > deadline) throw new StepFailure('Step timed out');
      await new Promise((r) => setTimeout(r, this.options.pollMs ?? 10));
    }
    throw new StepFailure(`Still not in the desired state after ${max} polls (interpreter bound)`);
  }

  // Service + Api → @aws-sdk/client-<service>'s <Api>Command, sent with the other inputs.
  private async call(inputs: Record<string, Json>): Promise<Json> {
    const { Service, Api, PropertySelector: _s, DesiredValues: _d, ...params } = inputs;
    const service = String(Service);
    const mod = (await import(`@aws-sdk/client-${PACKAGE_ALIASES[service] ?? service}`)) as Record<
      string,
      unknown
    >;
    const Command = mod[`${String(Api)}Command`] as (new (input: unknown) => unknown) | undefined;
    if (!Command) throw new Error(`ssm-runbook-interpreter: ${service} has no API ${String(Api)}`);
    let client = this.clients.get(service);
    if (!client) {
      const name = Object.keys(mod).find((k) => /^[A-Z][A-Za-z0-9]*Client$/.test(k));
      const Client = mod[name ?? ''] as
        (new (config: unknown) => { send(c: unknown): Promise<unknown> }) | undefined;
      if (!Client) throw new Error(`ssm-runbook-interpreter: no client class in @aws-sdk/client-${service}`);
      client = new Client(this.options.clientConfig);
      this.clients.set(service, client);
    }
    const { $metadata: _m, ...response } = (await client.send(new Command(params))) as Record<string, Json>;
    return response;
  }

  // {{ name }} references in every string of the inputs. A string that is exactly one reference
  // takes the referenced value as it is (a StringList stays a list).
  private resolve(value: Json): Json {
    if (typeof value === 'string') {
      const whole = /^\{\{\s*([^{}\s]+)\s*\}\}$/.exec(value);
      if (whole) return this.lookup(whole[1] as string);
      return value.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_m, name: string) => String(this.lookup(name)));
    }
    if (Array.isArray(value)) return value.map((v) => this.resolve(v));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.resolve(v)]));
    return value;
  }

  private lookup(name: string): Json {
    if (!this.values.has(name)) throw new StepFailure(`The reference {{${name}}} has no value`);
    return this.values.get(name);
  }

  destroy(): void {
    for (const client of this.clients.values()) (client as { destroy?: () => void }).destroy?.();
  }
}

const text = (v: Json): string => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
const desired = (inputs: Record<string, Json>, value: Json) =>
  (inputs.DesiredValues as Json[]).map(text).includes(text(value));

function convert(value: Json, type: string): Json {
  switch (type) {
    case 'String':
      return text(value);
    case 'Integer':
      return Number(value);
    case 'Boolean':
      return value === true || value === 'true';
    case 'StringList':
      return Array.isArray(value) ? value.map(String) : [String(value)];
    case 'StringMap':
    case 'MapList':
      return value;
    default:
      throw new Error(`ssm-runbook-interpreter: output type ${type} is not implemented`);
  }
}

// An error answer from AWS (the SDK's ServiceException carries $metadata), as opposed to a bug.
const isAwsError = (error: unknown): boolean =>
  error instanceof Error && typeof (error as { $metadata?: unknown }).$metadata === 'object';
