// Calls a channel of the preview's API the way the page does (POST /api/<channel> with the
// per-run token) and returns its value; a refused call fails the test with its message.
import type { Preview } from '../../electron/preview/server';

export async function callPreview<T>(preview: Preview, channel: string, args: unknown = {}): Promise<T> {
  const response = await fetch(`${preview.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'X-Envelope-Token': preview.token, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel} was refused: ${result.error?.message ?? 'no reason given'}`);
  return result.value;
}
