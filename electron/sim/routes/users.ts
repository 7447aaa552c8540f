// GET /users/me and /users/me/current-authorization: any valid credential, no scope, no org.
import type { Router } from '../router';
import { notFound } from '../errors';
import { pickCols, renderUser } from './common';

export function registerUserRoutes(r: Router): void {
  r.get('/users/me', null, (ctx) => {
    const u = ctx.world.users.get(ctx.auth.userId);
    if (!u) throw notFound('User not found.');
    const full = renderUser(u);
    return { authUser: pickCols(ctx.query, full, Object.keys(full)) };
  });

  r.get('/users/me/current-authorization', null, (ctx) => ({
    authorization: { authUsed: ctx.auth.kind, scope: [...ctx.auth.scopes] },
  }));
}
