import { describe, expect, it } from 'vitest';
import { createClock } from '../../electron/sandbox/clock';
import { ec2BucketFor, kmsBucketFor, Throttle } from '../../electron/sandbox/throttle';

describe('clock', () => {
  it('runs speed times faster than the real clock and advances on demand', () => {
    let real = 1_000;
    const clock = createClock({ speed: 3600, startAt: 0, realNow: () => real });
    real += 1_000; // one real second
    expect(clock.now()).toBe(3_600_000);
    clock.advance(5);
    expect(clock.now()).toBe(3_600_005);
    clock.setSpeed(0);
    real += 10_000;
    expect(clock.now()).toBe(3_600_005);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('EC2 throttling buckets', () => {
  it('classifies actions as AWS documents', () => {
    expect(ec2BucketFor('DescribeVolumes', {}).spec).toEqual({ capacity: 50, refillPerSecond: 10 });
    expect(ec2BucketFor('DescribeVolumes', { MaxResults: '100' }).spec).toEqual({
      capacity: 100,
      refillPerSecond: 20,
    });
    expect(ec2BucketFor('DescribeVolumes', { 'Filter.1.Name': 'encrypted' }).spec.capacity).toBe(100);
    expect(ec2BucketFor('DescribeImages', {}).spec).toEqual({ capacity: 100, refillPerSecond: 20 });
    expect(ec2BucketFor('CreateSnapshot', {}).spec).toEqual({ capacity: 100, refillPerSecond: 5 });
    expect(ec2BucketFor('CopySnapshot', {}).spec).toEqual({ capacity: 50, refillPerSecond: 5 });
    expect(ec2BucketFor('CopyImage', {}).spec).toEqual({ capacity: 100, refillPerSecond: 1 });
    expect(ec2BucketFor('RunInstances', {}).spec).toEqual({ capacity: 5, refillPerSecond: 2 });
    expect(kmsBucketFor('ListGrants').spec.capacity).toBe(100);
  });

  it('empties a bucket and refills it on the simulated clock', () => {
    let now = 0;
    const throttle = new Throttle(() => now);
    const bucket = ec2BucketFor('RunInstances', {});
    for (let i = 0; i < 5; i++) expect(throttle.take('ec2/acct/us-east-1', bucket)).toBe(true);
    expect(throttle.take('ec2/acct/us-east-1', bucket)).toBe(false);
    // Another region has its own bucket.
    expect(throttle.take('ec2/acct/us-west-2', bucket)).toBe(true);
    now += 1_000; // 2 tokens per simulated second
    expect(throttle.take('ec2/acct/us-east-1', bucket)).toBe(true);
    expect(throttle.take('ec2/acct/us-east-1', bucket)).toBe(true);
    expect(throttle.take('ec2/acct/us-east-1', bucket)).toBe(false);
    throttle.enabled = false;
    expect(throttle.take('ec2/acct/us-east-1', bucket)).toBe(true);
  });
});
