// The one IPC contract: every channel (`domain:verb`) with the zod schemas of its argument and
// result, and every main → renderer event with its payload schema. The preload, main's handle(),
// the browser preview and the renderer's type for window.api all derive from this object.
import type { z } from 'zod';
import { appChannels, appEvents } from './channels/app';
import { accountChannels, accountEvents } from './channels/accounts';
import { jobChannels, jobEvents } from './channels/jobs';
import { inventoryChannels, inventoryEvents } from './channels/inventory';
import { diagnosticsChannels, diagnosticsEvents } from './channels/diagnostics';
import { migrationChannels, migrationEvents } from './channels/migration';
import { amiCopyChannels, amiCopyEvents } from './channels/ami-copy';
import { plansChannels } from './channels/plans';
import { s3EncryptChannels, s3EncryptEvents } from './channels/s3-encrypt';

export const channels = {
  ...appChannels,
  ...accountChannels,
  ...jobChannels,
  ...inventoryChannels,
  ...diagnosticsChannels,
  ...migrationChannels,
  ...amiCopyChannels,
  ...plansChannels,
  ...s3EncryptChannels,
} as const;

export const events = {
  ...appEvents,
  ...jobEvents,
  ...accountEvents,
  ...inventoryEvents,
  ...diagnosticsEvents,
  ...migrationEvents,
  ...amiCopyEvents,
  ...s3EncryptEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type EventName = keyof typeof events;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelArgs<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];
