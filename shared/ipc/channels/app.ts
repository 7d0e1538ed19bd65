import { z } from 'zod';
import { channel, noInput, ok } from '../channel';

export const appChannels = {
  'app:info': channel(
    noInput,
    z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      // 'electron' in the desktop app, 'preview' in the browser preview (a development tool).
      shell: z.enum(['electron', 'preview']),
      versions: z.object({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional() }),
    }),
  ),
  // Opens an https link in the system browser, only for the allow-listed AWS hosts.
  'app:openExternal': channel(z.object({ url: z.string().max(2048) }), ok),
} as const;
