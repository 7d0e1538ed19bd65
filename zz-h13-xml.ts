import { XMLBuilder } from 'fast-xml-parser';
const items = Array.from({ length: 1000 }, (_, i) => ({ snapshotId: `snap-${i.toString(16).padStart(17, '0')}`, volumeId: 'vol-0123456789abcdef0', status: 'completed', statusMessage: undefined, startTime: new Date(1e12 + i).toISOString(), progress: '100%', ownerId: '123456789012', volumeSize: 64, description: i % 7 ? `Created by <CreateImage> & "x" 'y' ${i}` : 'plain', encrypted: i % 2 === 0, kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab', tagSet: { item: [{ key: 'Name', value: `n${i}` }] }, storageTier: 'standard' }));
const doc = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, DescribeSnapshotsResponse: { '@_xmlns': 'http://ec2.amazonaws.com/doc/2016-11-15/', requestId: 'abc', snapshotSet: { item: items }, nextToken: 'tok' } };
const base = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
const esc = (_: string, v: unknown) => (typeof v === 'string' && /[&<>'"]/.test(v) ? v.replace(/[&<>'"]/g, (c) => ESC[c]!) : v);
const opts = { ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false, processEntities: false, tagValueProcessor: esc, attributeValueProcessor: esc };
const fast = new XMLBuilder(opts);
const fast2 = new XMLBuilder({ ...opts, jPath: false } as never);
const a = base.build(doc), b = fast.build(doc), c = fast2.build(doc);
console.log('same', a === b, a === c, a.length);
for (let r = 0; r < 4; r++) for (const [n, bld] of [["base", base], ["fast", fast], ["fast+jPath", fast2]] as const) {
  const t = performance.now(); for (let i = 0; i < 20; i++) bld.build(doc); console.log(n, ((performance.now() - t) / 20).toFixed(1), 'ms');
}
