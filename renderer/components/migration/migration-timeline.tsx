// One instance's migration as bars per step on a time axis (SVG), with the downtime window (stop
// sent → running again) shaded. The drawing is as wide as its card; the downtime label has a row
// of its own under the axis, so it never lands on the end tick's label.
import type { JournalInstance } from '../../../shared/domain/migration';
import { STEP_TITLES } from '../../../shared/domain/migration';
import { stepRecordStateLabels } from '../../../shared/labels/jobs';
import { useElementWidth } from '../use-element-width';

// Sizes in CSS px.
const ROW = 18;
const LABEL = 190;
const AXIS = 18;
const RIGHT_MARGIN = 10;
// Before the card is measured (and in jsdom); below MIN_WIDTH the bars would be too short to read.
const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 400;

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
  const [box, measured] = useElementWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const steps = instance.steps;
  // The measured box is the same element whether or not the steps have started.
  if (steps.length === 0) return <div ref={box}>Not started.</div>;
  const width = Math.max(MIN_WIDTH, measured);
  const start = Math.min(...steps.map((s) => s.startedAt));
  // A finished timeline ends at its last step (a migration opened days later must not be squeezed
  // into the left edge); only a step still open stretches to now.
  const open = steps.some((s) => s.endedAt === undefined);
  const lastEnd = Math.max(...steps.map((s) => s.endedAt ?? s.startedAt));
  const end = open ? Math.max(now, lastEnd) : lastEnd;
  const span = Math.max(1, end - start);
  const x = (t: number) => LABEL + ((t - start) / span) * (width - LABEL - RIGHT_MARGIN);
  const barsHeight = steps.length * ROW + 6;
  const tickLabelsY = barsHeight + 15;
  const downtimeLabelY = tickLabelsY + AXIS;
  const hasDowntime = instance.stoppedAt !== undefined;
  const height = barsHeight + AXIS * (hasDowntime ? 2 : 1);
  return (
    <div ref={box} style={{ width: '100%', overflow: 'hidden' }}>
      <svg
        role="img"
        aria-label={`Timeline of ${instance.instanceId}`}
        width={width}
        height={height}
        style={{ display: 'block' }}
      >
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
        <line x1={LABEL} x2={width - RIGHT_MARGIN} y1={barsHeight + 2} y2={barsHeight + 2} stroke="#8c8c94" />
        <text x={LABEL} y={tickLabelsY} fontSize={11} fill="#5f6b7a">
          0 s
        </text>
        <text x={width - RIGHT_MARGIN} y={tickLabelsY} fontSize={11} fill="#5f6b7a" textAnchor="end">
          {seconds(end - start)}
        </text>
        {instance.stoppedAt !== undefined && (
          <DowntimeLabel
            from={x(instance.stoppedAt)}
            to={x(instance.runningAt ?? end)}
            middle={(LABEL + width) / 2}
            y={downtimeLabelY}
            text={`downtime ${seconds((instance.runningAt ?? end) - instance.stoppedAt)}`}
          />
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
              <title>{`${STEP_TITLES[s.step as keyof typeof STEP_TITLES] ?? s.step}: ${stepRecordStateLabels[s.state]}${s.detail ? ` — ${s.detail}` : ''}`}</title>
            </rect>
          </g>
        ))}
      </svg>
    </div>
  );
}

// Under the downtime window: from its start when that is in the left half of the axis, else ending
// at its end, so the label stays inside the drawing.
function DowntimeLabel(props: {
  readonly from: number;
  readonly to: number;
  readonly middle: number;
  readonly y: number;
  readonly text: string;
}) {
  const startsLeft = props.from < props.middle;
  return (
    <text
      data-testid="downtime-label"
      x={startsLeft ? props.from : props.to}
      y={props.y}
      fontSize={11}
      fill="#8d6605"
      textAnchor={startsLeft ? 'start' : 'end'}
    >
      {props.text}
    </text>
  );
}
