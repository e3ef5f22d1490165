import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isForeignKeyViolation, isUniqueViolation, uniqueViolationField } from '../db/db-errors.ts';
import { AppError } from './app-error.ts';
import { COMMON_ERRORS } from './common.errors.ts';
import { pickLocale } from './locale.ts';
import { toFieldErrors, type ValidationIssue } from './validation-messages.ts';

// The one place where errors become HTTP responses. No stack trace, SQL text or driver message
// ever reaches a client: unknown errors are logged and answered with a generic 500.
export function registerErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = toAppError(err, request, bodyLimit);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    sendError(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => {
    sendError(
      request,
      reply,
      new AppError(COMMON_ERRORS.ROUTE_NOT_FOUND, {
        params: { method: request.method, url: request.url.split('?')[0] ?? '' },
      }),
    );
  });
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): void {
  const locale = pickLocale(request.headers['accept-language']);
  if (error.headers) reply.headers(error.headers);
  reply
    .code(error.status)
    .header('content-language', locale)
    .send({
      error: {
        code: error.code,
        message: error.localized[locale],
        ...(error.fields?.length
          ? { fields: error.fields.map((f) => ({ path: f.path, message: f.message[locale] })) }
          : {}),
      },
    });
}

export function toAppError(err: FastifyError, request: FastifyRequest, bodyLimit: number): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation as unknown as ValidationIssue[];
    return new AppError(COMMON_ERRORS.VALIDATION_FAILED, {
      fields: toFieldErrors(issues, err.validationContext),
    });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(COMMON_ERRORS.MALFORMED_JSON);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(COMMON_ERRORS.BODY_TOO_LARGE, { params: { limit: bodyLimit } });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(COMMON_ERRORS.UNSUPPORTED_MEDIA_TYPE);
  }
  if (err instanceof SyntaxError && err.statusCode === 400) return new AppError(COMMON_ERRORS.MALFORMED_JSON);
  if (isUniqueViolation(err)) {
    const field = uniqueViolationField(err);
    const taken = { 'zh-CN': '该值已被使用', 'en-US': 'is already taken' };
    return new AppError(COMMON_ERRORS.DUPLICATE, field ? { fields: [{ path: field, message: taken }] } : {});
  }
  if (isForeignKeyViolation(err)) return new AppError(COMMON_ERRORS.REFERENCE_NOT_FOUND);
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    request.log.warn({ err }, 'client error without a domain code');
    return new AppError({ ...COMMON_ERRORS.VALIDATION_FAILED, status: err.statusCode });
  }
  return new AppError(COMMON_ERRORS.INTERNAL);
}
