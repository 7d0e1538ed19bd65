// From a request to a sealed plan and a fresh journal: the key check and the instance prechecks
// run first, and nothing is changed until they all pass.
import { randomUUID } from 'node:crypto';
import {
  JOURNAL_SCHEMA_ID,
  migrationRequestSchema,
  type JournalInstance,
  type MigrationJournal,
  type MigrationRequest,
  type MigrationStrategy,
} from '../../../shared/domain/migration';
import type { Plan } from '../../../shared/plans/plan-document';
import { AppError } from '../errors/app-error';
import { Journal, type JournalStore } from './journal';
import { checkKeyForEbs } from './key-check';
import type { MigrationContext } from './migration-context';
import { buildPlan } from './plan';
import { precheckInstances } from './precheck';

export interface PreparedMigration {
  readonly strategy: MigrationStrategy;
  readonly autoConfirm: boolean;
  readonly keyArn: string;
  readonly keyLabel: string;
  readonly instances: JournalInstance[];
  readonly plan: Plan;
}

export async function prepareMigration(
  ctx: MigrationContext,
  request: MigrationRequest,
): Promise<PreparedMigration> {
  const parsed = migrationRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new AppError(
      'invalid-argument',
      `The migration request is invalid: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  const { strategy, instanceIds, kmsKeyRef, autoConfirm } = parsed.data;
  const usable = await checkKeyForEbs(ctx, kmsKeyRef);
  const instances = await precheckInstances(ctx, instanceIds, strategy, usable.key.arn);
  const plan = await buildPlan(
    ctx,
    strategy,
    { arn: usable.key.arn, label: usable.label, state: usable.key.state },
    instances,
    usable.warnings,
  );
  return { strategy, autoConfirm, keyArn: usable.key.arn, keyLabel: usable.label, instances, plan };
}

export function newMigrationId(): string {
  return `mig-${randomUUID().slice(0, 8)}`;
}

export function createJournal(
  store: JournalStore,
  ctx: MigrationContext,
  prepared: PreparedMigration,
  id = newMigrationId(),
  reviewedPlanSha256?: string,
): Journal {
  const now = ctx.now();
  const value: MigrationJournal = {
    schema: JOURNAL_SCHEMA_ID,
    id,
    profile: ctx.profile,
    region: ctx.region,
    accountId: ctx.accountId,
    strategy: prepared.strategy,
    keyArn: prepared.keyArn,
    keyLabel: prepared.keyLabel,
    planSha256: prepared.plan.sha256,
    ...(reviewedPlanSha256 ? { reviewedPlanSha256 } : {}),
    ...(prepared.autoConfirm ? { autoConfirm: true } : {}),
    status: 'running',
    createdAt: now,
    updatedAt: now,
    instances: prepared.instances,
  };
  store.write(value);
  return new Journal(store, value, ctx.now);
}
