// Schedules 0–99 of the swap reliability suite (reliability-suite.ts); the other slice
// runs in parallel in its own file. RELIABILITY_RUNS overrides the count per slice;
// key-failure schedules 0–41 (the key disabled at every journal write), RELIABILITY_KEY_RUNS their count.
import { defineReliabilitySuite } from './reliability-suite';

defineReliabilitySuite(
  0,
  Number(process.env.RELIABILITY_RUNS ?? 100),
  0,
  Number(process.env.RELIABILITY_KEY_RUNS ?? 42),
);
