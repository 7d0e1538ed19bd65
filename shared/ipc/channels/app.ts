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
      // The sandbox's clock: this many times faster than AWS (estimates are in AWS time).
      sandboxSpeed: z.number().nonnegative().optional(),
      versions: z.object({
        node: z.string(),
        electron: z.string().optional(),
        chrome: z.string().optional(),
      }),
    }),
  ),
  // Opens an https link in the system browser, only for the allow-listed AWS hosts.
  'app:openExternal': channel(z.object({ url: z.string().max(2048) }), ok),
} as const;

// The renderer's pages, in the order of the side navigation (Cmd/Ctrl+1..9 in the app menu).
export const pageIds = [
  'overview',
  'inventory',
  'copy-ami',
  'migrate',
  's3',
  'diagnostics',
  'plans',
  'jobs',
  'accounts',
] as const;
export const pageIdSchema = z.enum(pageIds);
export type PageId = z.infer<typeof pageIdSchema>;

export const appEvents = {
  // Main asks the page to show a page (app menu shortcuts, tray items, a clicked notification);
  // jobId, when present, is the job to bring into view on the Jobs page.
  'app:navigate': z.object({ page: pageIdSchema, jobId: z.string().max(100).optional() }),
} as const;
