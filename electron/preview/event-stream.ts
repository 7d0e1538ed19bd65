// Core's events to the page as Server-Sent Events: one `data: {"name", "payload"}` per event.
import type { ServerResponse } from 'node:http';
import type { EventBus } from '../core/events/event-bus';
import { MEDIA_TYPES } from '../../shared/media-types';

const HEARTBEAT_MS = 15_000; // a comment line now and then keeps idle proxies and browsers from closing the stream

export function streamEvents(response: ServerResponse, events: EventBus): () => void {
  response.writeHead(200, {
    'Content-Type': MEDIA_TYPES.eventStream,
    Connection: 'keep-alive',
  });
  response.write('retry: 1000\n\n');
  const unsubscribe = events.subscribe((name, payload) => {
    response.write(`data: ${JSON.stringify({ name, payload })}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  response.on('close', stop);
  return () => {
    stop();
    response.end();
  };
}
