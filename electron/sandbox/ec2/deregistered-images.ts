// What DescribeImages says about an AMI after DeregisterImage. The API reference (DescribeImages):
// "Recently deregistered images appear in the returned results for a short interval and then return
// empty results. After all instances that reference a deregistered AMI are terminated, specifying
// the ID of the image will eventually return an error indicating that the AMI ID cannot be found."
// So, on the simulated clock:
// 1. for VISIBLE_MS the image is listed (by id, by filter, by owner) in state 'deregistered';
// 2. then an ImageIds request naming it answers without it (no error), as long as an instance
//    launched from it is not terminated, and at least until FORGOTTEN_MS;
// 3. after that it is forgotten: InvalidAMIID.NotFound, like an id that never existed.
// AWS gives no figures for "a short interval" or "eventually"; these are the sandbox's choice.
// Every other operation (RunInstances, CopyImage, DeregisterImage again, tags) treats it as gone.
import type { CallContext } from '../context';
import type { Image } from '../world';

export const DEREGISTERED_VISIBLE_MS = 5 * 60_000;
export const DEREGISTERED_FORGOTTEN_MS = 60 * 60_000;

export function rememberDeregistered(ctx: CallContext, image: Image): void {
  ctx.world.images.delete(image.imageId);
  ctx.world.deregisteredImages.set(image.imageId, {
    image: { ...image, state: 'deregistered' },
    at: ctx.clock.now(),
  });
}

function referenced(ctx: CallContext, imageId: string): boolean {
  for (const instance of ctx.world.instances.values()) {
    if (instance.imageId === imageId && instance.state !== 'terminated') return true;
  }
  return false;
}

// Phase 1: the images still listed, in state 'deregistered'. Forgets those past phase 2 on the way.
export function recentlyDeregistered(ctx: CallContext): Image[] {
  const now = ctx.clock.now();
  const out: Image[] = [];
  for (const [id, entry] of ctx.world.deregisteredImages) {
    const age = now - entry.at;
    if (age < DEREGISTERED_VISIBLE_MS) out.push(entry.image);
    else if (age >= DEREGISTERED_FORGOTTEN_MS && !referenced(ctx, id))
      ctx.world.deregisteredImages.delete(id);
  }
  return out;
}

// Phase 2: ids that a DescribeImages naming them answers without, and without an error.
export function answeredEmpty(ctx: CallContext, imageId: string): boolean {
  const entry = ctx.world.deregisteredImages.get(imageId);
  return (
    entry !== undefined &&
    entry.image.region === ctx.region &&
    ctx.clock.now() - entry.at >= DEREGISTERED_VISIBLE_MS
  );
}
