// Counts and sizes as people read them on the S3 objects page: "12,345 objects", "1.5 GiB" (the
// byte format the plan's exports use, so the page and the exported plan say the same).
export { formatBytes } from '../../../shared/plans/render/s3-encrypt-view';

export const formatCount = (n: number): string => n.toLocaleString('en-US');

export const objectsText = (n: number): string => `${formatCount(n)} object${n === 1 ? '' : 's'}`;
