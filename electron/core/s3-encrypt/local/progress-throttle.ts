// Progress events at most every INTERVAL_MS (about 4 a second): a run of 100,000 objects would
// otherwise send one IPC message per object. The last state is always sent by flush().
import type { S3EncryptProgress } from '../../../../shared/domain/s3-encrypt';

const INTERVAL_MS = 250;

export class ProgressThrottle {
  private lastSent = 0;

  constructor(
    private readonly emit: (progress: S3EncryptProgress) => void,
    private readonly snapshot: () => S3EncryptProgress,
  ) {}

  changed(): void {
    const now = Date.now();
    if (now - this.lastSent < INTERVAL_MS) return;
    this.lastSent = now;
    this.emit(this.snapshot());
  }

  flush(): void {
    this.lastSent = Date.now();
    this.emit(this.snapshot());
  }
}
