// Tick labels for an axis that counts things (resources, volumes): whole numbers only.
//
// Why: Cloudscape's charts place ticks with d3's ticks(), one per ~50 px of axis, so a short count
// axis (0..6 over 900 px) gets ticks every 0.5 and says "0.5 resources". The chart API gives no tick
// count, so the fractional ticks are left without a label and the axis reads 0, 1, 2, …
export function countTickLabel(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString() : '';
}
