import { changePasswordRequestSchema, loginRequestSchema, meResponseSchema } from '@switchboard/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { findProfile } from '../directory/staff-profile.repository.ts';
import { AUTH_ERRORS } from './auth.errors.ts';
import { changeOwnPassword, login, logout } from './auth.service.ts';

export const SESSION_COOKIE = 'sb_session';

export function clientInfo(request: FastifyRequest) {
  return { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') };
}

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with employee ID (工号) and password; sets the session cookie',
        body: loginRequestSchema,
        response: { 200: meResponseSchema },
      },
    },
    async (request, reply) => {
      const previousToken = request.cookies[SESSION_COOKIE];
      const { token, user } = await login(deps, { ...request.body, previousToken }, clientInfo(request));
      setSessionCookie(request, reply, token, deps.config.session.absoluteMs);
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logout(deps, actorOf(request), clientInfo(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: meResponseSchema } },
    },
    async (request) => {
      const user = await findProfile(deps.db, actorOf(request).id);
      if (!user) throw new AppError(AUTH_ERRORS.SESSION_EXPIRED);
      return { user };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change own password; other sessions of the same person are ended',
        body: changePasswordRequestSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(deps, actorOf(request), request.body, clientInfo(request));
      return reply.code(204).send(null);
    },
  );
}

function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}
