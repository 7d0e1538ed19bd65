// Schedules 0–99 of the swap reliability suite (reliability-suite.ts); the other slice
// runs in parallel in its own file. RELIABILITY_RUNS overrides the count per slice.
import { defineReliabilitySuite } from './reliability-suite';

defineReliabilitySuite(0, Number(process.env.RELIABILITY_RUNS ?? 100));
