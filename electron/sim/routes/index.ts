import { Router } from '../router';
import { registerDlqRoutes } from './dlqs';
import { registerFolderRoutes } from './folders';
import { registerHookRoutes } from './hooks';
import { registerLogRoutes } from './logs';
import { registerMemberRoutes } from './members';
import { registerOrganizationRoutes } from './organizations';
import { registerScenarioRoutes } from './scenarios';
import { registerUserRoutes } from './users';

/** Every Make API v2 route the simulator serves (paths relative to /api/v2). */
export function buildRouter(): Router {
  const r = new Router();
  registerUserRoutes(r);
  registerMemberRoutes(r);
  registerOrganizationRoutes(r);
  registerScenarioRoutes(r);
  registerLogRoutes(r);
  registerFolderRoutes(r);
  registerDlqRoutes(r);
  registerHookRoutes(r);
  return r;
}
