// The shapes of S3 objects and multipart uploads in the sandbox's world (world.ts holds them on
// each bucket). Apart from object-model.ts so world.ts can name them without an import cycle.

type Tag = { readonly Key: string; readonly Value: string };

export interface ObjectEncryption {
  readonly algorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  readonly kmsKeyArn?: string;
  readonly bucketKeyEnabled: boolean;
}

// What S3 calls system-defined metadata the user may set, and user metadata (x-amz-meta-*).
export interface S3ObjectVersion {
  readonly key: string;
  readonly versionId: string; // 'null' when written while versioning was off or suspended
  readonly deleteMarker: boolean;
  readonly size: number;
  readonly etag: string; // with its quotes, as S3 writes it
  readonly lastModified: number; // simulated epoch ms
  readonly owner: string; // account id
  readonly storageClass: string; // STANDARD, STANDARD_IA, GLACIER, DEEP_ARCHIVE, …
  // Undefined for SSE-C objects (customerKeyMd5 instead) and for objects written unencrypted before
  // S3 encrypted every new object (January 2023).
  readonly encryption?: ObjectEncryption;
  readonly customerKeyMd5?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly contentHeaders: Readonly<Record<string, string>>; // content-type, cache-control, …
  readonly tags: readonly Tag[];
  // Object Lock (S3 user guide, "Locking objects with Object Lock").
  readonly retention?: { readonly mode: 'GOVERNANCE' | 'COMPLIANCE'; readonly retainUntil: number };
  readonly legalHold?: boolean;
  // A canned ACL other than private (GetObjectAcl shows it as grants).
  readonly cannedAcl?: string;
  readonly body?: Buffer; // kept up to BODY_LIMIT bytes
}

// CreateMultipartUpload … CompleteMultipartUpload: the object's attributes fixed at creation and
// the parts uploaded (or copied) so far.
export interface MultipartUpload {
  readonly uploadId: string;
  readonly key: string;
  readonly initiated: number;
  readonly template: Omit<S3ObjectVersion, 'versionId' | 'size' | 'etag' | 'lastModified' | 'body'>;
  readonly parts: Map<number, { readonly size: number; readonly etag: string }>;
}
