/**
 * A registry request that DynamoDB refused or could not serve after the SDK's own retries: throttling, a
 * missing table, missing permissions, a network fault. Thrown, never swallowed, so the cycle fails loudly
 * and the Lambda retry / DLQ / alarm machinery sees it.
 */
export class RegistryError extends Error {
  public override readonly name = 'RegistryError';
  /** True when the same request may succeed later unchanged (throttling, 5xx, network). */
  public readonly retryable: boolean;

  constructor(message: string, options: { cause?: unknown; retryable: boolean }) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable;
  }
}

/** Error names DynamoDB (or the SDK in front of it) uses for conditions that pass with time. */
const RETRYABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'LimitExceededException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/** Node socket error codes: the endpoint is (momentarily) unreachable. */
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

interface SdkErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

/** The SDK's typed exceptions are matched by name, so a second copy of the SDK in a bundle still matches. */
export function isConditionalCheckFailed(error: unknown): boolean {
  return shape(error).name === 'ConditionalCheckFailedException';
}

export function isResourceNotFound(error: unknown): boolean {
  return shape(error).name === 'ResourceNotFoundException';
}

export function isRetryable(error: unknown): boolean {
  const { name, code, $retryable, $metadata } = shape(error);
  if ($retryable) return true;
  if (typeof name === 'string' && RETRYABLE_NAMES.has(name)) return true;
  if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
  const status = $metadata?.httpStatusCode;
  return typeof status === 'number' && status >= 500;
}

/**
 * Wraps an SDK failure so the message says which table and which registry operation failed, e.g.
 * `registry table "rg-prod": listServices (Query) failed: ResourceNotFoundException: Requested resource not found`.
 */
export function toRegistryError(tableName: string, operation: string, error: unknown): RegistryError {
  const { name, message } = shape(error);
  const reason = [typeof name === 'string' ? name : undefined, typeof message === 'string' ? message : undefined]
    .filter((part) => part !== undefined && part !== '')
    .join(': ');
  return new RegistryError(`registry table "${tableName}": ${operation} failed: ${reason || String(error)}`, {
    cause: error,
    retryable: isRetryable(error),
  });
}
