// One instance's migration as bars per step on a time axis (SVG), with the downtime window (stop
// sent → running again) shaded.
import type { JournalInstance } from '../../../shared/domain/migration';
import { STEP_TITLES } from '../../../shared/domain/migration';

const ROW = 18;
const LABEL = 190;
const WIDTH = 640;
const AXIS = 18;

const seconds = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};

const colour = (state: string) => (state === 'done' ? '#037f0c' : state === 'failed' ? '#d91515' : '#0972d3');

export function MigrationTimeline({
  instance,
  now,
}: {
  readonly instance: JournalInstance;
  readonly now: number;
}) {
  const steps = instance.steps;
  if (steps.length === 0) return <div>Not started.</div>;
  const start = Math.min(...steps.map((s) => s.startedAt));
  // A finished timeline ends at its last step (a migration opened days later must not be squeezed
  // into the left edge); only a step still open stretches to now.
  const open = steps.some((s) => s.endedAt === undefined);
  const lastEnd = Math.max(...steps.map((s) => s.endedAt ?? s.startedAt));
  const end = open ? Math.max(now, lastEnd) : lastEnd;
  const span = Math.max(1, end - start);
  const x = (t: number) => LABEL + ((t - start) / span) * (WIDTH - LABEL - 10);
  const barsHeight = steps.length * ROW + 6;
  const height = barsHeight + AXIS;
  return (
    <svg role="img" aria-label={`Timeline of ${instance.instanceId}`} width={WIDTH} height={height}>
      {instance.stoppedAt !== undefined && (
        <rect
          data-testid="downtime-window"
          x={x(instance.stoppedAt)}
          y={0}
          width={Math.max(2, x(instance.runningAt ?? end) - x(instance.stoppedAt))}
          height={barsHeight}
          fill="#fbd332"
          opacity={0.35}
        >
          <title>Downtime</title>
        </rect>
      )}
      <line x1={LABEL} x2={WIDTH - 10} y1={barsHeight + 2} y2={barsHeight + 2} stroke="#8c8c94" />
      <text x={LABEL} y={barsHeight + 15} fontSize={11} fill="#5f6b7a">
        0 s
      </text>
      <text x={WIDTH - 10} y={barsHeight + 15} fontSize={11} fill="#5f6b7a" textAnchor="end">
        {seconds(end - start)}
      </text>
      {instance.stoppedAt !== undefined && (
        <text
          x={x(instance.stoppedAt) + 2}
          y={barsHeight + 15}
          fontSize={11}
          fill="#8d6605"
        >{`downtime ${seconds((instance.runningAt ?? end) - instance.stoppedAt)}`}</text>
      )}
      {steps.map((s, i) => (
        <g key={`${s.step}-${i}`}>
          <text x={0} y={i * ROW + 13} fontSize={12}>
            {STEP_TITLES[s.step as keyof typeof STEP_TITLES] ?? s.step}
          </text>
          <rect
            x={x(s.startedAt)}
            y={i * ROW + 3}
            width={Math.max(3, x(s.endedAt ?? end) - x(s.startedAt))}
            height={ROW - 6}
            fill={colour(s.state)}
          >
            <title>{`${s.step}: ${s.state}${s.detail ? ` — ${s.detail}` : ''}`}</title>
          </rect>
        </g>
      ))}
    </svg>
  );
}
