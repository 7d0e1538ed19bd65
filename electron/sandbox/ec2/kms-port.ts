// EC2's door into KMS: key resolution, key state, key spec and key-policy/grant evaluation for EBS
// are H3's (electron/sandbox/kms/ebs-access.ts); EC2 only decides when a failure shows.
export {
  checkKeyForEbs,
  useKeyForEbs,
  type EbsKeyCheck,
  type EbsKeyFailure,
  type EbsKeyPurpose,
} from '../kms/ebs-access';
