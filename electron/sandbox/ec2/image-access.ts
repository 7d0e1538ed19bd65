// Which AMIs a caller can see and launch: its own, public ones and those shared with its account.
import type { CallContext } from '../context';
import type { Image } from '../world';
import { checkIdShape, imageNotFound } from './errors';

export function canUseImage(ctx: CallContext, image: Image): boolean {
  return (
    image.ownerId === ctx.accountId || image.isPublic || image.launchPermissionUserIds.includes(ctx.accountId)
  );
}

export function findVisibleImage(ctx: CallContext, imageId: string, region = ctx.region): Image {
  checkIdShape('image', imageId);
  const image = ctx.world.images.get(imageId);
  if (!image || image.region !== region || image.state === 'deregistered' || !canUseImage(ctx, image)) {
    throw imageNotFound(imageId);
  }
  return image;
}

export function findMyImage(ctx: CallContext, imageId: string): Image {
  const image = findVisibleImage(ctx, imageId);
  if (image.ownerId !== ctx.accountId) throw imageNotFound(imageId);
  return image;
}
