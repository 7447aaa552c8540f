import { z } from 'zod';
import { id, objectWithRequired } from './common';

export const authUserSchema = objectWithRequired(
  {
    id,
    name: z.string(),
    email: z.string(),
    language: z.string().nullable(),
    timezoneId: z.number().nullable(),
    localeId: z.number().nullable(),
    countryId: z.number().nullable(),
    timezone: z.string().nullable(),
    locale: z.string().nullable(),
    features: z.unknown(),
    avatar: z.string().nullable(),
    lastLogin: z.string().nullable(),
  },
  ['id', 'name', 'email'],
);
export type MakeAuthUser = z.output<typeof authUserSchema>;
export const getMeResponse = z.looseObject({ authUser: authUserSchema });

export const authorizationSchema = z.looseObject({
  authUsed: z.string(),
  scope: z.array(z.string()),
});
export type MakeAuthorization = z.output<typeof authorizationSchema>;
export const currentAuthorizationResponse = z.looseObject({ authorization: authorizationSchema });
