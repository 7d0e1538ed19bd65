// The sandbox account's state: everything AWS would hold for one or more accounts, keyed the way
// AWS keys it. Plain data (no classes) so that a scenario is a function that fills it, the control
// API can dump it as JSON, and tests can compare it.
//
// Times are milliseconds on the simulated clock (see clock.ts), never Date.now().
import type { MultipartUpload, S3ObjectVersion } from './s3/objects/object-types';

export type Region = string;
export type AccountId = string;

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

export type InstanceState = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';

export interface InstanceBlockDevice {
  deviceName: string;
  volumeId: string;
  deleteOnTermination: boolean;
  attachTime: number;
}

export interface Instance {
  instanceId: string;
  // Simulated time from which DescribeInstances knows the id (eventual consistency, config.ts).
  visibleAt?: number;
  accountId: AccountId;
  region: Region;
  imageId: string;
  instanceType: string;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  securityGroupIds: string[];
  iamInstanceProfileArn?: string;
  keyName?: string;
  privateIpAddress: string;
  rootDeviceName: string;
  rootDeviceType: 'ebs' | 'instance-store';
  state: InstanceState;
  // When the current transitional state (pending, stopping, shutting-down) ends.
  stateEndsAt?: number;
  stateReason?: { code: string; message: string };
  launchTime: number;
  blockDevices: InstanceBlockDevice[];
  tags: Tag[];
}

export type VolumeState = 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';
export type AttachmentState = 'attaching' | 'attached' | 'detaching' | 'detached';

export interface VolumeAttachment {
  instanceId: string;
  device: string;
  state: AttachmentState;
  stateEndsAt?: number;
  attachTime: number;
  deleteOnTermination: boolean;
}

export interface Volume {
  volumeId: string;
  accountId: AccountId;
  region: Region;
  availabilityZone: string;
  sizeGiB: number;
  volumeType: 'gp2' | 'gp3' | 'io1' | 'io2' | 'st1' | 'sc1' | 'standard';
  iops?: number;
  throughput?: number; // MiB/s, gp3 only
  multiAttachEnabled: boolean;
  encrypted: boolean;
  kmsKeyArn?: string; // always the key ARN, as DescribeVolumes reports it
  snapshotId: string; // '' when created empty
  state: VolumeState;
  stateEndsAt?: number;
  createTime: number;
  attachments: VolumeAttachment[];
  tags: Tag[];
  // Write-rate model: GiB written per simulated hour while attached to a running instance.
  // Used to size incremental snapshots (blocks changed since the previous snapshot).
  writeRateGiBPerHour: number;
  // GiB changed since the last completed snapshot of this volume (grows with the write rate).
  changedGiBSinceSnapshot: number;
  // Set when at least one snapshot of this volume has been taken; the first is full.
  lastSnapshotId?: string;
  lastSnapshotAccountedAt?: number; // when changedGiBSinceSnapshot was last brought up to date
}

export type SnapshotState = 'pending' | 'completed' | 'error' | 'recoverable' | 'recovering';

export interface Snapshot {
  snapshotId: string;
  accountId: AccountId; // owner
  region: Region;
  volumeId: string; // 'vol-ffffffff' for copies, as AWS reports them
  volumeSizeGiB: number;
  description: string;
  encrypted: boolean;
  kmsKeyArn?: string;
  state: SnapshotState;
  stateMessage?: string;
  startTime: number;
  // Progress model: the snapshot copies dataGiB at the configured rate, from startTime.
  dataGiB: number; // how much this snapshot must copy (full or incremental)
  completesAt: number;
  // Lineage, for incremental copies: the source snapshot and the key it was copied under.
  sourceSnapshotId?: string;
  sourceRegion?: Region;
  tags: Tag[];
  createVolumePermissions: { group?: 'all'; userId?: AccountId }[];
}

export interface ImageBlockDevice {
  deviceName: string;
  ebs?: {
    snapshotId: string;
    volumeSizeGiB: number;
    volumeType: Volume['volumeType'];
    deleteOnTermination: boolean;
    encrypted: boolean;
    kmsKeyArn?: string;
    iops?: number;
    throughput?: number;
  };
  virtualName?: string; // ephemeralN for instance-store
}

export type ImageState =
  'pending' | 'available' | 'invalid' | 'deregistered' | 'transient' | 'failed' | 'error';

export interface Image {
  imageId: string;
  ownerId: AccountId;
  region: Region;
  name: string;
  description: string;
  architecture: 'x86_64' | 'arm64';
  rootDeviceName: string;
  rootDeviceType: 'ebs' | 'instance-store';
  virtualizationType: 'hvm';
  platformDetails: string;
  state: ImageState;
  stateReason?: { code: string; message: string };
  creationDate: number;
  isPublic: boolean;
  launchPermissionUserIds: AccountId[];
  blockDevices: ImageBlockDevice[];
  sourceImageId?: string;
  sourceRegion?: Region;
  tags: Tag[];
}

export interface LaunchTemplateVersion {
  versionNumber: number;
  createTime: number;
  isDefault: boolean;
  data: {
    imageId?: string;
    instanceType?: string;
    blockDeviceMappings: {
      deviceName: string;
      ebs?: {
        volumeSizeGiB?: number;
        volumeType?: string;
        encrypted?: boolean;
        kmsKeyId?: string;
        deleteOnTermination?: boolean;
      };
    }[];
  };
}

export interface LaunchTemplate {
  launchTemplateId: string;
  launchTemplateName: string;
  accountId: AccountId;
  region: Region;
  createTime: number;
  versions: LaunchTemplateVersion[];
  tags: Tag[];
}

export interface AutoScalingGroup {
  name: string;
  arn: string;
  accountId: AccountId;
  region: Region;
  launchTemplate?: { launchTemplateId: string; launchTemplateName: string; version: string };
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  availabilityZones: string[];
  instanceIds: string[];
  createdTime: number;
  tags: Tag[];
  // The service-linked role AWS uses to launch instances; it needs a grant on the EBS key.
  serviceLinkedRoleArn: string;
}

export type KeyState =
  'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport' | 'Unavailable' | 'Creating';
export type KeySpec =
  | 'SYMMETRIC_DEFAULT'
  | 'RSA_2048'
  | 'RSA_3072'
  | 'RSA_4096'
  | 'ECC_NIST_P256'
  | 'ECC_NIST_P384'
  | 'ECC_NIST_P521'
  | 'ECC_SECG_P256K1'
  | 'HMAC_256';
export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC';

export interface KmsGrant {
  grantId: string;
  granteePrincipal: string;
  retiringPrincipal?: string;
  operations: string[];
  constraints?: {
    encryptionContextSubset?: Record<string, string>;
    encryptionContextEquals?: Record<string, string>;
  };
  issuingAccount: string; // arn:aws:iam::ACCOUNT:root
  name?: string;
  creationDate: number;
}

export interface KmsKey {
  keyId: string; // uuid
  arn: string;
  accountId: AccountId;
  region: Region;
  description: string;
  keyManager: 'AWS' | 'CUSTOMER';
  keySpec: KeySpec;
  keyUsage: KeyUsage;
  origin: 'AWS_KMS' | 'EXTERNAL';
  state: KeyState;
  creationDate: number;
  deletionDate?: number; // PendingDeletion only
  pendingWindowInDays?: number;
  rotationEnabled: boolean;
  policy: string; // JSON text; name is always 'default'
  grants: KmsGrant[];
  multiRegion: boolean;
  tags: { TagKey: string; TagValue: string }[];
}

export interface KmsAlias {
  aliasName: string; // alias/...
  aliasArn: string;
  targetKeyId?: string;
  accountId: AccountId;
  region: Region;
  creationDate: number;
  lastUpdatedDate: number;
}

export type SseAlgorithm = 'AES256' | 'aws:kms' | 'aws:kms:dsse';

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

export interface Bucket {
  name: string;
  accountId: AccountId;
  region: Region;
  creationDate: number;
  encryption?: {
    rules: { sseAlgorithm: SseAlgorithm; kmsMasterKeyId?: string; bucketKeyEnabled: boolean }[];
  };
  versioning: 'Unversioned' | 'Enabled' | 'Suspended';
  // Requester Pays (s3/request-payment.ts); absent: the bucket owner pays.
  requestPayer?: 'Requester';
  mfaDelete?: 'Enabled' | 'Disabled';
  policy?: string;
  tags: Tag[];
  // S3 Object Ownership as set (s3/ownership-controls.ts gives the default by creation date).
  objectOwnership?: ObjectOwnership;
  // Objects by key, each key's versions oldest first (s3/objects/object-model.ts); multipart
  // uploads in progress by upload id. Absent until the first object is written.
  objects?: Map<string, S3ObjectVersion[]>;
  uploads?: Map<string, MultipartUpload>;
}

// IAM principals the sandbox knows: the callers (access keys map to them) and their identity
// policies, evaluated by IAM SimulatePrincipalPolicy and by the S3 permission checks.
export interface IamPrincipal {
  arn: string; // arn:aws:iam::ACCOUNT:user/NAME or arn:aws:iam::ACCOUNT:role/NAME
  accountId: AccountId;
  userId: string; // AIDA... / AROA...
  policies: string[]; // identity policy documents, JSON text
  // Users and roles made through IAM (iam/entities.ts): name, path, creation time, the inline
  // policies by name (evaluated with `policies`) and, for a role, its trust policy (AssumeRole).
  name?: string;
  path?: string;
  createDate?: number;
  inlinePolicies?: Record<string, string>;
  trustPolicy?: string;
}

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  principalArn: string; // the user, or the assumed-role session ARN
  expiresAt?: number;
  createdAt?: number; // keys made by iam:CreateAccessKey
}

export interface SsoAccountRole {
  accountId: AccountId;
  accountName: string;
  emailAddress: string;
  roles: string[]; // role names; GetRoleCredentials maps ACCOUNT/ROLE to arn:aws:iam::ACCOUNT:role/ROLE
}

export interface SsoClientRegistration {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
}

export interface SsoDeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAt: number;
  intervalSeconds: number;
  // Set by the control API (or automatically after approveAfterMs) to simulate the user's browser.
  status: 'pending' | 'approved' | 'denied';
  approveAt?: number;
  lastPollAt?: number;
}

export interface SsoToken {
  accessToken: string;
  refreshToken?: string;
  clientId: string;
  expiresAt: number;
}

export interface SandboxWorld {
  // The scenario that built this world, for the control API's dump.
  scenario: string;
  partition: 'aws';
  defaultAccountId: AccountId;
  regions: { name: Region; optInStatus: 'opt-in-not-required' | 'opted-in' | 'not-opted-in' }[];
  availabilityZones: Record<Region, string[]>;
  instances: Map<string, Instance>;
  volumes: Map<string, Volume>;
  snapshots: Map<string, Snapshot>;
  images: Map<string, Image>;
  // AMIs after DeregisterImage, with the simulated time of deregistration: DescribeImages still
  // shows them for a while (ec2/deregistered-images.ts); nothing else sees them.
  deregisteredImages: Map<string, { image: Image; at: number }>;
  launchTemplates: Map<string, LaunchTemplate>;
  autoScalingGroups: Map<string, AutoScalingGroup>;
  // Per account and region: `${accountId}/${region}`.
  ebsEncryptionByDefault: Map<string, { enabled: boolean; kmsKeyId?: string }>;
  kmsKeys: Map<string, KmsKey>; // by key ARN
  kmsAliases: Map<string, KmsAlias>; // by alias ARN
  buckets: Map<string, Bucket>; // by name (global namespace)
  principals: Map<string, IamPrincipal>; // by ARN
  accessKeys: Map<string, AccessKey>; // by access key id
  sso: {
    startUrl: string;
    region: Region;
    // Simulated time after which a pending device authorization is approved by "the user".
    approveAfterMs: number;
    accounts: SsoAccountRole[];
    clients: Map<string, SsoClientRegistration>;
    deviceAuthorizations: Map<string, SsoDeviceAuthorization>;
    tokens: Map<string, SsoToken>; // by access token
    refreshTokens: Map<string, SsoToken>; // by refresh token
  };
  // Monotonic counter used to mint ids deterministically under a seed.
  idCounter: number;
}
