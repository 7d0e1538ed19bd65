// A loopback HTTP proxy in front of the sandbox that counts the S3 requests passing through it by
// operation, so the AWS CLI's requests are counted as the SDK's middleware counts Envelope's. It
// forwards each request unchanged (the Host header too, so SigV4 signatures still match) and
// adds no latency of its own beyond a loopback hop.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
  readonly endpoint: string;
  readonly counts: Map<string, number>;
  close(): Promise<void>;
}

// The S3 operation of a path-style request, as far as P5's requests go.
export function s3OperationOf(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>): string {
  const url = new URL(req.url ?? '/', 'http://proxy');
  const hasKey = url.pathname.split('/').filter(Boolean).length > 1;
  const q = url.searchParams;
  switch (req.method) {
    case 'GET':
      if (!hasKey && q.get('list-type') === '2') return 'ListObjectsV2';
      if (!hasKey && q.has('versions')) return 'ListObjectVersions';
      if (hasKey && q.has('acl')) return 'GetObjectAcl';
      if (hasKey && q.has('tagging')) return 'GetObjectTagging';
      return hasKey ? 'GetObject' : `GET bucket ${[...q.keys()].join('&')}`;
    case 'HEAD':
      return hasKey ? 'HeadObject' : 'HeadBucket';
    case 'PUT':
      if (hasKey && req.headers['x-amz-copy-source'])
        return q.has('uploadId') ? 'UploadPartCopy' : 'CopyObject';
      if (hasKey && q.has('tagging')) return 'PutObjectTagging';
      return hasKey ? 'PutObject' : `PUT bucket ${[...q.keys()].join('&')}`;
    default:
      return `${req.method ?? '?'} ${hasKey ? 'object' : 'bucket'}`;
  }
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const operation = s3OperationOf(req);
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
    const forward = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  // Keep-alive connections from the CLI's pool would hold close() open: they are ended with it.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
