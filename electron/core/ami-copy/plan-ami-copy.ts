// The plan of an encrypted AMI copy run: everything is checked BEFORE anything is created (source
// AMIs readable and available, regions enabled, the key of each destination region resolvable,
// Enabled, symmetric and usable by the caller, names valid and free), then written down as a
// sealed plan document (shared/plans) whose input the executor runs from.
import { randomUUID } from 'node:crypto';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import {
  amiNameProblem,
  DEFAULT_DESCRIPTION_TEMPLATE,
  DEFAULT_NAME_TEMPLATE,
  renderTemplate,
  type AmiCopyPlanView,
  type AmiCopyRequest,
  type PlanKey,
  type PlannedCopy,
  type SourceImage,
} from '../../../shared/domain/ami-copy';
import {
  sealPlan,
  type Plan,
  type PlanFact,
  type PlanStep,
  PLAN_SCHEMA_ID,
} from '../../../shared/plans/plan-document';
import { AppError } from '../errors/app-error';
import type { AmiCopyDeps } from './deps';
import { checkDestinationKey } from './key-check';
import { assertRegionEnabled, describeSourceImage } from './source-images';
import { copyWarnings } from './warnings';

// AWS publishes no copy throughput. Operators report a few hundred GiB per hour for a full,
// re-encrypting copy; 180 GiB/h (0.05 GiB/s, the sandbox's rate too) is the planning figure,
// plus the few minutes EC2 takes to register the new AMI once its snapshots complete.
export const COPY_RATE_GIB_PER_HOUR = 180;
export const REGISTER_SECONDS = 300;

export const estimateSeconds = (giB: number): number =>
  Math.round((giB / COPY_RATE_GIB_PER_HOUR) * 3600) + REGISTER_SECONDS;

export interface AmiCopyPlanResult {
  readonly plan: Plan;
  readonly view: AmiCopyPlanView;
}

const today = (now: number): string => new Date(now).toISOString().slice(0, 10);

async function assertNameFree(deps: AmiCopyDeps, region: string, name: string): Promise<void> {
  const answer = await deps
    .ec2(region)
    .send(new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] }));
  // A just-deregistered AMI is still listed for a short while (DescribeImages API reference); its
  // name is free again.
  const taken = answer.Images?.find((i) => i.State !== 'deregistered');
  if (taken) {
    throw new AppError(
      'ami-name-taken',
      `An AMI named “${name}” already exists in ${region} (${taken.ImageId ?? 'unknown id'}).`,
      'Change the name template (for instance add {date} or {id}), or deregister the old AMI.',
    );
  }
}

export async function planAmiCopy(deps: AmiCopyDeps, request: AmiCopyRequest): Promise<AmiCopyPlanResult> {
  const now = (deps.now ?? Date.now)();
  const caller = await deps.caller();
  const destRegions =
    request.destRegions && request.destRegions.length > 0
      ? [...new Set(request.destRegions)]
      : [request.sourceRegion];
  const sourceEc2 = deps.ec2(request.sourceRegion);
  for (const region of new Set([request.sourceRegion, ...destRegions]))
    await assertRegionEnabled(sourceEc2, region);

  const sources: SourceImage[] = [];
  for (const id of new Set(request.imageIds)) {
    sources.push(await describeSourceImage(sourceEc2, id, request.sourceRegion, caller.accountId));
  }
  const keys: PlanKey[] = [];
  const warnings: string[] = [];
  for (const region of destRegions) {
    const checked = await checkDestinationKey(deps, request.kmsKeyRef, region, caller);
    keys.push(checked.view);
    warnings.push(...checked.warnings);
  }

  const planId = `plan-${randomUUID()}`;
  const copies: PlannedCopy[] = [];
  const names = new Set<string>();
  for (const region of destRegions) {
    const key = keys[destRegions.indexOf(region)];
    for (const source of sources) {
      const fields = { name: source.name, id: source.id, region: request.sourceRegion, date: today(now) };
      const name = renderTemplate(request.nameTemplate ?? DEFAULT_NAME_TEMPLATE, fields);
      const problem = amiNameProblem(name);
      if (problem) throw new AppError('invalid-ami-name', problem, 'Change the name template.');
      if (names.has(`${region}/${name}`)) {
        throw new AppError(
          'ami-name-repeated',
          `Two copies into ${region} would both be named “${name}”.`,
          'Put {id} or {name} in the name template so that each copy gets its own name.',
        );
      }
      names.add(`${region}/${name}`);
      await assertNameFree(deps, region, name);
      const totalGiB = source.blockDevices.reduce((sum, d) => sum + (d.snapshotId ? (d.sizeGiB ?? 0) : 0), 0);
      copies.push({
        index: copies.length,
        sourceImageId: source.id,
        sourceName: source.name,
        sourceRegion: request.sourceRegion,
        destRegion: region,
        name,
        description: renderTemplate(
          request.descriptionTemplate ?? DEFAULT_DESCRIPTION_TEMPLATE,
          fields,
        ).slice(0, 255),
        copyTags: request.copyTags ?? true,
        kmsKeyArn: key?.arn ?? '',
        // Idempotency: running the same plan twice resumes the same copies (CopyImage ClientToken).
        clientToken: `${planId.slice(5)}-${copies.length}`,
        totalGiB,
        estimatedSeconds: estimateSeconds(totalGiB),
        blockDevices: source.blockDevices,
      });
    }
  }
  warnings.push(...copyWarnings(sources, keys, request.copyTags ?? true));
  const totalGiB = copies.reduce((s, c) => s + c.totalGiB, 0);
  const estimatedSeconds = estimateTotal(copies);
  const view: AmiCopyPlanView = {
    copies,
    keys,
    totalGiB,
    estimatedSeconds,
    copyRateGiBPerHour: COPY_RATE_GIB_PER_HOUR,
    warnings,
  };
  const plan = await sealPlan({
    schema: PLAN_SCHEMA_ID,
    id: planId,
    kind: 'ami-copy',
    title: `Encrypted copy of ${sources.map((s) => s.id).join(', ')} to ${destRegions.join(', ')}`,
    accountId: caller.accountId,
    regions: [...new Set([request.sourceRegion, ...destRegions])],
    createdAt: new Date(now).toISOString(),
    createdBy: caller.arn,
    source: 'live',
    facts: facts(sources, keys, new Date(now).toISOString()),
    steps: copies.flatMap(stepsOf),
    rollback: copies.map(rollbackOf),
    expectedDowntimeSeconds: 0,
    estimatedSeconds,
    warnings,
    input: { request, view },
  });
  return { plan, view };
}

// Copies run side by side (each region's snapshots copy in parallel), so the run takes about as
// long as its longest region.
function estimateTotal(copies: readonly PlannedCopy[]): number {
  const byRegion = new Map<string, number>();
  for (const c of copies)
    byRegion.set(c.destRegion, Math.max(byRegion.get(c.destRegion) ?? 0, c.estimatedSeconds));
  return Math.max(0, ...byRegion.values());
}

function facts(sources: readonly SourceImage[], keys: readonly PlanKey[], readAt: string): PlanFact[] {
  const images = sources.map((s): PlanFact => ({
    resource: 'image',
    id: s.id,
    region: s.region,
    attributes: { name: s.name, state: s.state, ownerId: s.ownerId, access: s.access },
    readAt,
  }));
  const snapshots = sources.flatMap((s) =>
    s.blockDevices.flatMap((d): PlanFact[] =>
      d.snapshotId
        ? [
            {
              resource: 'snapshot',
              id: d.snapshotId,
              region: s.region,
              attributes: {
                device: d.device,
                sizeGiB: d.sizeGiB ?? null,
                encrypted: d.encrypted ?? false,
                kmsKeyArn: d.kmsKeyId ?? null,
              },
              readAt,
            },
          ]
        : [],
    ),
  );
  const keyFacts = keys.map((k): PlanFact => ({
    resource: 'key',
    id: k.arn,
    region: k.region,
    attributes: { state: 'Enabled', aliases: k.aliases.join(','), manager: k.manager, chosen: k.chosen },
    readAt,
  }));
  return [...images, ...snapshots, ...keyFacts];
}

function stepsOf(c: PlannedCopy): PlanStep[] {
  const id = `copy-${c.index}`;
  return [
    {
      id,
      title: `Copy ${c.sourceImageId} to ${c.destRegion} as “${c.name}”, encrypted`,
      action: 'ec2:CopyImage',
      region: c.destRegion,
      params: {
        SourceImageId: c.sourceImageId,
        SourceRegion: c.sourceRegion,
        Name: c.name,
        Description: c.description,
        Encrypted: true,
        KmsKeyId: c.kmsKeyArn,
        CopyImageTags: c.copyTags,
        ClientToken: c.clientToken,
      },
      dependsOn: [],
      phase: 'online',
      estimatedSeconds: 1,
    },
    {
      id: `${id}-wait`,
      title: `Wait until the copy of ${c.sourceImageId} is available (${c.totalGiB} GiB, a full copy)`,
      action: 'envelope:wait',
      region: c.destRegion,
      params: { waiter: 'ImageAvailable', clientToken: c.clientToken },
      dependsOn: [id],
      phase: 'online',
      estimatedSeconds: c.estimatedSeconds,
    },
    {
      id: `${id}-verify`,
      title: `Verify every snapshot of the copy is encrypted with ${c.kmsKeyArn}`,
      action: 'envelope:verify',
      region: c.destRegion,
      params: { kmsKeyArn: c.kmsKeyArn },
      dependsOn: [`${id}-wait`],
      phase: 'verify',
      estimatedSeconds: 1,
    },
  ];
}

function rollbackOf(c: PlannedCopy): PlanStep {
  return {
    id: `undo-copy-${c.index}`,
    title: `Deregister the copy of ${c.sourceImageId} in ${c.destRegion} and delete its snapshots (after confirmation)`,
    action: 'ec2:DeregisterImage',
    region: c.destRegion,
    params: { deleteSnapshots: true, clientToken: c.clientToken },
    dependsOn: [`copy-${c.index}`],
    phase: 'cleanup',
    estimatedSeconds: 5,
  };
}
