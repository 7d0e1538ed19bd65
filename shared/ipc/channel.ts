// Building blocks of the IPC contract: a channel is a pair of zod schemas (arguments, result),
// an event is one payload schema. Every call answers with a Result, never a thrown exception, so
// an error crosses any transport (Electron IPC, the preview's HTTP) as plain data.
import { z } from 'zod';

export const apiErrorSchema = z.object({
  // Stable, machine-readable: 'invalid-argument', 'forbidden', 'not-found', or an AWS error code.
  code: z.string(),
  // One sentence for a person: what went wrong.
  message: z.string(),
  // What to do about it, when we know.
  hint: z.string().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: apiErrorSchema }),
  ]);

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ChannelSpec<I, O> => ({
  input,
  output,
});

export const noInput = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
