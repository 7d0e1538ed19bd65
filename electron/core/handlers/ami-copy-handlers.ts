import type { Handlers } from '../ipc/dispatcher';
import type { AmiCopyService } from '../ami-copy/ami-copy-service';

type AmiCopyHandlers = Pick<
  Handlers,
  | 'amiCopy:images'
  | 'amiCopy:keys'
  | 'amiCopy:checkKey'
  | 'amiCopy:plan'
  | 'amiCopy:start'
  | 'amiCopy:cleanup'
  | 'amiCopy:deregisterSource'
>;

export function amiCopyHandlers(service: AmiCopyService): AmiCopyHandlers {
  return {
    'amiCopy:images': async ({ region, query }) => ({ images: await service.images(region, query) }),
    'amiCopy:keys': async ({ region }) => ({ keys: await service.keys(region) }),
    'amiCopy:checkKey': ({ region, ref }) => service.checkKey(region, ref),
    'amiCopy:plan': (request) => service.plan(request),
    'amiCopy:start': async ({ plan }) => ({ jobIds: await service.start(plan) }),
    'amiCopy:cleanup': ({ jobId }) => service.cleanup(jobId),
    'amiCopy:deregisterSource': ({ jobId }) => service.deregisterSource(jobId),
  };
}
