// Counts and sizes as people read them on the S3 objects page: "12,345 objects", "1.5 GiB"
// (binary units, as the plan's batch threshold is written).
const UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

export const formatCount = (n: number): string => n.toLocaleString('en-US');

export const objectsText = (n: number): string => `${formatCount(n)} object${n === 1 ? '' : 's'}`;
