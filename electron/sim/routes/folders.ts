// Scenario folders (`/scenarios-folders`), nested through `parentId`.
import type { RequestContext } from '../context';
import { invalidInput } from '../errors';
import type { Router } from '../router';
import { createFolderBody, updateFolderBody } from '../schemas';
import type { SimFolder } from '../world/model';
import { folderChildren, folderDescendants, renderFolder } from './render';

function checkParent(ctx: RequestContext, teamId: number, parentId: number | null | undefined, self: SimFolder | null): void {
  if (parentId == null) return;
  const parent = ctx.world.folders.get(parentId);
  if (!parent || parent.teamId !== teamId) throw invalidInput([`'parentId': folder ${parentId} does not exist in this team.`]);
  if (self && (parent.id === self.id || folderDescendants(ctx.world, self).includes(parent))) {
    throw invalidInput(["'parentId': a folder cannot be moved into itself or one of its sub-folders."]);
  }
}

export function registerFolderRoutes(r: Router): void {
  r.get('/scenarios-folders', 'scenarios:read', (ctx) => {
    const team = ctx.team(ctx.query.requiredInt('teamId', { min: 1 }));
    const parentId = ctx.query.int('parentId', { min: 1 });
    const depth = ctx.query.oneOf('childrenDepth', ['all', '1'] as const);
    const all = [...ctx.world.folders.values()].filter((f) => f.teamId === team.id).sort((a, b) => a.id - b.id);
    if (parentId !== undefined) {
      const parent = all.find((f) => f.id === parentId);
      if (!parent) throw invalidInput([`'parentId': folder ${parentId} does not exist in this team.`]);
      const items = depth === 'all' ? folderDescendants(ctx.world, parent) : folderChildren(ctx.world, parent);
      return { scenariosFolders: items.map((f) => renderFolder(ctx.world, f)) };
    }
    // Top-level folders, each with its sub-folders (all depths, flat, each carrying parentId/path).
    const roots = all.filter((f) => f.parentId === null);
    return {
      scenariosFolders: roots.map((f) => ({ ...renderFolder(ctx.world, f), children: folderDescendants(ctx.world, f).map((c) => renderFolder(ctx.world, c)) })),
    };
  });

  r.post('/scenarios-folders', 'scenarios:write', (ctx) => {
    const body = ctx.parseBody(createFolderBody);
    const team = ctx.team(body.teamId);
    checkParent(ctx, team.id, body.parentId, null);
    const id = ctx.world.nextId('folder');
    const f: SimFolder = { id, name: body.name, teamId: team.id, parentId: body.parentId ?? null, position: null };
    ctx.world.folders.set(id, f);
    return { scenarioFolder: renderFolder(ctx.world, f) };
  });

  r.patch('/scenarios-folders/:folderId', 'scenarios:write', (ctx) => {
    const f = ctx.folder(ctx.intParam('folderId'));
    const body = ctx.parseBody(updateFolderBody);
    checkParent(ctx, f.teamId, body.parentId, f);
    if (body.name !== undefined) f.name = body.name;
    if (body.parentId !== undefined) {
      f.parentId = body.parentId;
      f.position = null;
    }
    return { scenarioFolder: renderFolder(ctx.world, f) };
  });

  r.delete('/scenarios-folders/:folderId', 'scenarios:write', (ctx) => {
    const f = ctx.folder(ctx.intParam('folderId'));
    // Contents move up one level: sub-folders to the parent, scenarios out of the folder.
    for (const c of folderChildren(ctx.world, f)) c.parentId = f.parentId;
    for (const s of ctx.world.scenarios.values()) if (s.folderId === f.id) s.folderId = f.parentId;
    ctx.world.folders.delete(f.id);
    return { scenarioFolder: f.id };
  });
}
