import { EC2Client, CopyImageCommand, DescribeImagesCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { startTestSandbox } from '../test/helpers/sandbox';
import { aviLab } from '../electron/sandbox/scenarios/avi-lab';
const sb = await startTestSandbox({ scenario: 'avi-lab' });
const ec2 = new EC2Client(sb.sdkConfig);
const r = await ec2.send(new CopyImageCommand({ SourceImageId: aviLab.ids.controllerImageId, SourceRegion: 'us-west-2', Name: 'x', Encrypted: true, KmsKeyId: 'alias/avi-cmk', ClientToken: 't1' }));
console.log(r.ImageId);
for (let i=0;i<8;i++){ await new Promise(r=>setTimeout(r,500));
const im = await ec2.send(new DescribeImagesCommand({ ImageIds: [r.ImageId!] }));
const ids = im.Images![0]!.BlockDeviceMappings!.map(b=>b.Ebs?.SnapshotId!).filter(Boolean);
const sn = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ids }));
console.log(im.Images![0]!.State, JSON.stringify(im.Images![0]!.BlockDeviceMappings), sn.Snapshots!.map(s=>[s.State,s.Progress,s.KmsKeyId,s.StateMessage]));}
await sb.close();
