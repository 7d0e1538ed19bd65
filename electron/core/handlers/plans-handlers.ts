import type { Handlers } from '../ipc/dispatcher';
import type { PlansService } from '../plans/plans-service';

type PlansHandlers = Pick<
  Handlers,
  'plans:import' | 'plans:planOffline' | 'plans:check' | 'plans:render' | 'plans:run' | 'plans:trust'
>;

export function plansHandlers(plans: PlansService): PlansHandlers {
  return {
    'plans:import': ({ text }) => plans.import(text),
    'plans:planOffline': (request) => plans.planOffline(request),
    'plans:check': ({ plan }) => plans.check(plan),
    'plans:render': async ({ plan, format }) => plans.render(await plans.accept(plan), format),
    'plans:run': ({ plan, force }) => plans.run(plan, force ? { force } : {}),
    'plans:trust': ({ fingerprint }) => plans.trust(fingerprint),
  };
}
