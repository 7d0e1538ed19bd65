// Keeping an object's ACL across its in-place copy. CopyObject does not preserve it: "the ACL is not
// preserved and is set to private for the user making the request. To override the default ACL
// setting, specify a new ACL" (S3 API reference, CopyObject, Metadata). So where ACLs are enabled
// the engine reads each object's ACL (GetObjectAcl) and sends its grants with the copy
// (x-amz-grant-read, -read-acp, -write-acp, -full-control: `id="…"`, `uri="…"`,
// `emailAddress="…"`). Where the bucket's Object Ownership is BucketOwnerEnforced, ACLs are
// disabled and no longer affect permissions (S3 user guide, "Controlling ownership of objects and
// disabling ACLs for your bucket"): nothing to read or keep.
import {
  GetBucketOwnershipControlsCommand,
  GetObjectAclCommand,
  type Grant,
  type S3Client,
} from '@aws-sdk/client-s3';

export interface ObjectGrants {
  readonly GrantFullControl?: string;
  readonly GrantRead?: string;
  readonly GrantReadACP?: string;
  readonly GrantWriteACP?: string;
}

// Whether the bucket's objects carry ACLs worth keeping. A bucket without ownership controls
// (OwnershipControlsNotFoundError) predates them and has ACLs enabled; one we may not ask is taken
// to have them too, so no grant is lost.
export async function bucketUsesAcls(s3: S3Client, bucket: string): Promise<boolean> {
  try {
    const answer = await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket }));
    const rules = answer.OwnershipControls?.Rules ?? [];
    return !rules.some((r) => r.ObjectOwnership === 'BucketOwnerEnforced');
  } catch {
    // OwnershipControlsNotFoundError, or AccessDenied on s3:GetBucketOwnershipControls.
    return true;
  }
}

const HEADER_OF: Record<string, keyof ObjectGrants> = {
  FULL_CONTROL: 'GrantFullControl',
  READ: 'GrantRead',
  READ_ACP: 'GrantReadACP',
  WRITE_ACP: 'GrantWriteACP',
};

function grantee(grant: Grant): string | undefined {
  const g = grant.Grantee;
  if (!g) return undefined;
  if (g.ID) return `id="${g.ID}"`;
  if (g.URI) return `uri="${g.URI}"`;
  if (g.EmailAddress) return `emailAddress="${g.EmailAddress}"`;
  return undefined;
}

// The object's grants as CopyObject's x-amz-grant-* headers.
export async function readGrants(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId: string | undefined,
): Promise<ObjectGrants> {
  const acl = await s3.send(
    new GetObjectAclCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
  );
  const lists: Partial<Record<keyof ObjectGrants, string[]>> = {};
  for (const grant of acl.Grants ?? []) {
    const header = HEADER_OF[grant.Permission ?? ''];
    const who = grantee(grant);
    if (header && who) (lists[header] ??= []).push(who);
  }
  const grants: ObjectGrants = Object.fromEntries(
    Object.entries(lists).map(([h, who]) => [h, who.join(', ')]),
  );
  return grants;
}
