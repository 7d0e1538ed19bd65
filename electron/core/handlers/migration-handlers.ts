import type { Handlers } from '../ipc/dispatcher';
import type { MigrationService } from '../migration/migration-service';

type MigrationHandlers = Pick<
  Handlers,
  | 'migration:plan'
  | 'migration:start'
  | 'migration:list'
  | 'migration:get'
  | 'migration:resume'
  | 'migration:rollback'
  | 'migration:confirm'
  | 'migration:cleanup'
>;

export function migrationHandlers(migration: MigrationService): MigrationHandlers {
  return {
    'migration:plan': (request) => migration.plan(request),
    'migration:start': ({ plan }) => migration.startReviewed(plan),
    'migration:list': () => Promise.resolve({ migrations: migration.list() }),
    'migration:get': ({ id }) => Promise.resolve(migration.get(id)),
    'migration:resume': ({ id }) => migration.resume(id),
    'migration:rollback': ({ id }) => migration.rollback(id),
    'migration:confirm': ({ id, instanceId }) => migration.confirm(id, instanceId),
    'migration:cleanup': ({ id }) => migration.cleanup(id),
  };
}
