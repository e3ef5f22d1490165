import type { Role } from '@switchboard/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';
import { COMMON_ERRORS } from './common.errors.ts';

/** Who may call a route: anyone, any signed-in staff member, or staff holding one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export type Actor = {
  id: number;
  employeeNo: string;
  name: string;
  roles: Role[];
  departmentId: number | null;
  sessionHash: string;
};

export type RouteAccess = { method: string; url: string; access: Access };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** Every API route with its access rule, for audits and the authorization tests. */
    routeAccess: RouteAccess[];
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type ResolveActor = (request: FastifyRequest) => Promise<Actor | null>;

// Every /api route must say who may call it; a route that forgets does not start.
export function registerAccessControl(app: FastifyInstance, resolveActor: ResolveActor): void {
  app.decorateRequest('actor', null);
  app.decorate('routeAccess', [] as RouteAccess[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const actor = await resolveActor(request);
    if (!actor) throw new AppError(COMMON_ERRORS.NOT_AUTHENTICATED);
    request.actor = actor;
    if (access !== 'authenticated' && !actor.roles.some((r) => access.includes(r))) {
      throw new AppError(COMMON_ERRORS.FORBIDDEN);
    }
  });
}

/** The signed-in staff member of a route that is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(COMMON_ERRORS.NOT_AUTHENTICATED);
  return request.actor;
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
