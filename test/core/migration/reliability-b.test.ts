// Schedules 100–199 of the swap reliability suite (reliability-suite.ts); the other slice
// runs in parallel in its own file. RELIABILITY_RUNS overrides the count per slice;
// key-failure schedules 42–83 (the key scheduled for deletion at every journal write), RELIABILITY_KEY_RUNS their count.
import { defineReliabilitySuite } from './reliability-suite';

defineReliabilitySuite(
  100,
  Number(process.env.RELIABILITY_RUNS ?? 100),
  42,
  Number(process.env.RELIABILITY_KEY_RUNS ?? 42),
);
