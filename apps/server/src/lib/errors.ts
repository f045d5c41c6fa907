// Coded API errors, one place. Body shape: { error: { code, message, details? } } (docs/platform-api.md).
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'INVALID_INP'
  | 'INVALID_CHANGE'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'CONFLICT'
  | 'RUN_NOT_FINISHED'
  | 'NOT_IMPLEMENTED'
  | 'ENGINE_UNAVAILABLE'
  | 'INTERNAL_ERROR';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): { error: { code: string; message: string; details?: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export const notFound = (what: string, id: string) => new ApiError(404, 'NOT_FOUND', `${what} ${id} not found`);
export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'VALIDATION_ERROR', message, details);
