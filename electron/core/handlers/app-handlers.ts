import type { Handlers } from '../ipc/dispatcher';
import { AppError } from '../errors/app-error';
import { isAllowedExternalUrl } from '../../../shared/external-links';
import type { CoreOptions } from '../create-core';

type AppHandlers = Pick<Handlers, 'app:info' | 'app:openExternal'>;

export function appHandlers(options: CoreOptions): AppHandlers {
  return {
    'app:info': () =>
      Promise.resolve({
        name: 'Envelope',
        version: options.version,
        platform: process.platform,
        shell: options.shell === 'electron' ? 'electron' : 'preview',
        ...(options.sandbox.speed ? { sandboxSpeed: options.sandbox.speed() } : {}),
        versions: {
          node: process.versions.node,
          ...(process.versions.electron ? { electron: process.versions.electron } : {}),
          ...(process.versions.chrome ? { chrome: process.versions.chrome } : {}),
        },
      }),
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        throw new AppError(
          'forbidden',
          'Envelope opens only AWS documentation and console links.',
          `Refused: ${url}`,
        );
      }
      await options.openExternal?.(url);
      return { ok: true as const };
    },
  };
}
