// Make's error body: `{detail, message, code}` (+ `suberrors` on validation failures). Every handler
// throws ApiError; the server turns it into that body, so no route ever writes an error by hand.

export interface MakeErrorBody {
  detail: string;
  message: string;
  code: string;
  suberrors?: { message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: MakeErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.detail);
  }
}

const err = (status: number, code: string, message: string, detail: string, extra: Partial<MakeErrorBody> = {}) =>
  new ApiError(status, { detail, message, code, ...extra });

export const badRequest = (detail: string) => err(400, 'SC400', 'Bad Request', detail);
/** IM005: invalid input parameters, with one suberror per problem. */
export const invalidInput = (problems: string[]) =>
  err(400, 'IM005', 'Invalid input parameters', problems.join(' '), { suberrors: problems.map((message) => ({ message })) });
export const missingCredentials = () => err(401, 'SC401', 'Unauthorized', 'Missing authorization header. Use "Authorization: Token <api-token>".');
export const invalidCredentials = () => err(401, 'IM102', 'Invalid credentials', 'Invalid access token.');
export const missingScope = (scope: string) => err(403, 'SC403', 'Permission denied', `Access denied. The token is missing the scope "${scope}".`);
export const forbidden = (detail = 'Access denied.') => err(403, 'SC403', 'Permission denied', detail);
export const notFound = (detail = 'Not found.') => err(404, 'SC404', 'Not Found', detail);
export const methodNotAllowed = (method: string) => err(405, 'SC405', 'Method Not Allowed', `Method ${method} is not allowed on this path.`);
export const confirmationRequired = (detail: string) => err(406, 'IM004', 'Confirmation required', detail);
export const payloadTooLarge = () => err(413, 'SC413', 'Payload Too Large', 'The request body is too large.');
export const dependencyBlocked = (detail: string) => err(422, 'IM016', 'Action not possible due to dependencies', detail);
export const rateLimited = (retryAfterS: number) =>
  new ApiError(
    429,
    { detail: 'Requests limit for organization exceeded, please try again later.', message: 'Requests limit for organization exceeded, please try again later.', code: 'SC429' },
    { 'retry-after': String(Math.max(1, Math.ceil(retryAfterS))) },
  );
export const serverError = (detail = 'Internal server error.') => err(500, 'SC500', 'Internal Server Error', detail);
export const unavailable = (detail = 'Service temporarily unavailable.') => err(503, 'SC503', 'Service Unavailable', detail);
