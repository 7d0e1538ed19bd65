// sts:DecodeAuthorizationMessage (STS API reference): the caller needs sts:DecodeAuthorizationMessage
// in its identity policies ("a user must be granted permissions through an IAM policy"), else
// AccessDenied (403, "User: … is not authorized to perform: sts:DecodeAuthorizationMessage", as the
// knowledge-center article ec2-not-auth-launch quotes); a message that is not one AWS encoded is
// InvalidAuthorizationMessageException (400, botocore's sts service model).
import { requireAllowed } from '../authorize';
import { AwsError, type QueryHandler } from '../context';
import { decodeAuthorizationMessage } from '../policy/authorization-message';
import { requireParam } from '../protocol/query-params';

export const decodeAuthorizationMessage_: QueryHandler = (ctx, params) => {
  const encoded = requireParam(params, 'EncodedMessage');
  requireAllowed(ctx, 'sts:DecodeAuthorizationMessage', '*');
  const decoded = decodeAuthorizationMessage(encoded.trim());
  if (decoded === undefined)
    throw new AwsError('InvalidAuthorizationMessageException', 'The message is not valid.', 400);
  return { DecodedMessage: decoded };
};
