// When each step starts and ends, from its dependencies and estimate (steps without a dependency
// start at 0; independent chains such as several instances run side by side). Shared by the HTML
// SVG bars and the Markdown text timeline.
import type { Plan, PlanStep } from '../plan-document';

export interface TimedStep {
  readonly step: PlanStep;
  readonly start: number;
  readonly end: number;
}

export interface Timeline {
  readonly steps: TimedStep[];
  readonly total: number;
  // The downtime window: from the first to the last end of a 'downtime' step, when there is one.
  readonly downtime?: { start: number; end: number };
}

export function timelineOf(plan: Plan): Timeline {
  const ends = new Map<string, number>();
  const timed: TimedStep[] = [];
  for (const step of plan.steps) {
    const start = Math.max(0, ...step.dependsOn.map((d) => ends.get(d) ?? 0));
    const end = start + step.estimatedSeconds;
    ends.set(step.id, end);
    timed.push({ step, start, end });
  }
  const down = timed.filter((t) => t.step.phase === 'downtime' && t.end > t.start);
  return {
    steps: timed,
    total: Math.max(0, ...timed.map((t) => t.end)),
    ...(down.length > 0
      ? {
          downtime: {
            start: Math.min(...down.map((t) => t.start)),
            end: Math.max(...down.map((t) => t.end)),
          },
        }
      : {}),
  };
}

export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60 ? `${s % 60} s` : ''}`.trim();
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}
