import { z } from 'zod';
import { counter, id, objectForColumns, objectWithRequired, pgSchema } from './common';

/** Subset of `license` the app reads; everything else passes through. `apiLimit` is absent in some answers. */
export const licenseSchema = z.looseObject({
  apiLimit: z.number().positive().optional(),
  interval: z.number().optional(),
  operations: counter.optional(),
  transfer: counter.optional(),
  retention: z.number().optional(),
  apps: z.union([z.array(z.string()), z.string()]).optional(),
});
export type MakeLicense = z.output<typeof licenseSchema>;

export const teamRefSchema = z.looseObject({ id, name: z.string() });

const organizationFields = {
  id,
  name: z.string(),
  timezoneId: z.number().nullable(),
  countryId: z.number().nullable(),
  zone: z.string().min(1),
  // Filled only for organizations of the zone being called (REFERENCE §1).
  license: licenseSchema.nullable(),
  serviceName: z.string().nullable(),
  productName: z.string().nullable(),
  isPaused: z.boolean().nullable(),
  teams: z.array(teamRefSchema),
  operations: counter.nullable(),
  transfer: counter.nullable(),
  nextReset: z.string().nullable(),
  lastReset: z.string().nullable(),
  features: z.unknown(),
};

/** Columns the client asks for by default when listing organizations. */
export const DEFAULT_ORGANIZATION_COLS = ['id', 'name', 'zone', 'timezoneId', 'license', 'serviceName', 'isPaused'] as const;
export type OrganizationColumn = keyof typeof organizationFields;

export const organizationSummarySchema = objectWithRequired(organizationFields, ['id', 'name']);
export type MakeOrganizationSummary = z.output<typeof organizationSummarySchema>;

export function listOrganizationsResponse(cols: readonly string[] | undefined) {
  return z.looseObject({
    organizations: z.array(objectForColumns(organizationFields, ['id', 'name', 'zone'], cols)),
    pg: pgSchema.optional(),
  });
}

/** `GET /organizations/{id}`: zone is what routes every later call, so it must be there. */
export const organizationSchema = objectWithRequired(organizationFields, ['id', 'name', 'zone']);
export type MakeOrganization = z.output<typeof organizationSchema>;
export const getOrganizationResponse = z.looseObject({ organization: organizationSchema });
