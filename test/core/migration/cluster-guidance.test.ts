// The clustered-member guidance from the seeds: Avi controllers are recognised by their role tag
// (or name), told to go one at a time, followers first, and warned when several stop together.
import { describe, expect, it } from 'vitest';
import { clusterRoleOf, clusterWarnings } from '../../../electron/core/migration/cluster-guidance';

describe('cluster guidance', () => {
  it('recognises Avi controllers by tag or name', () => {
    expect(clusterRoleOf([{ Key: 'avi:role', Value: 'controller' }])).toBe('avi-controller');
    expect(clusterRoleOf([{ Key: 'Name', Value: 'avi-controller-2' }])).toBe('avi-controller');
    expect(clusterRoleOf([{ Key: 'Name', Value: 'scratch' }])).toBeUndefined();
    expect(clusterRoleOf(undefined)).toBeUndefined();
  });

  it('says one member at a time, and warns when a plan stops several', () => {
    const one = clusterWarnings([
      { instanceId: 'i-1', name: 'avi-controller-1', clusterRole: 'avi-controller' },
    ]);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatch(/one member at a time, the followers first/);
    expect(one[0]).toMatch(/READY/);
    const two = clusterWarnings([
      { instanceId: 'i-1', clusterRole: 'avi-controller' },
      { instanceId: 'i-2', clusterRole: 'avi-controller' },
      { instanceId: 'i-3' },
    ]);
    expect(two[1]).toMatch(/stops 2 controller cluster members at once/);
    expect(clusterWarnings([{ instanceId: 'i-3' }])).toEqual([]);
  });
});
