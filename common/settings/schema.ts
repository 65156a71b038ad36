// Profiles, policy and the provisioning file: one set of schemas for the store, the CLI, provisioning and
// (later) the settings forms. Pure zod: no I/O here.
import { z } from 'zod';
import { checkBaseUrl } from '../card-api/base-url.ts';
import { DEFAULT_SCHEME, defaultBaseUrl, ENVIRONMENTS, REGIONS } from '../card-api/regions.ts';
import { SCHEMES } from '../card-api/schemes.ts';
import {
  APPROVABLE_METHODS,
  operatorIdSchema,
  operatorNameSchema,
  roleMatrixPolicySchema,
  roleSchema,
} from '../contract/rights.ts';
import { syslogPolicySchema } from './syslog.ts';

/** Groups of operations a workstation may be allowed (request status is always allowed). */
export const OPERATION_GROUPS = ['clients', 'cards', 'cards.secret', 'gift', 'bulk'] as const;
export type AllowedGroup = (typeof OPERATION_GROUPS)[number];
export const LANGUAGES = ['ru', 'en', 'kk', 'ky', 'uz'] as const;
export type Language = (typeof LANGUAGES)[number];
/** docs/architecture.md, security: the idle lock is at most 15 minutes; a policy may lower it. */
export const MAX_IDLE_LOCK_MINUTES = 15;
/** docs/bulk.md, retention: a finished bulk job's input rows are deleted this many days after it ended. */
export const DEFAULT_BULK_RETENTION_DAYS = 30;

export const EMBEDDED_PROFILE_ID = 'sandbox';

export const profileIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens, at most 40, e.g. kg-bishkek');

const baseUrlSchema = z.string().superRefine((value, ctx) => {
  try {
    checkBaseUrl(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

const groupsSchema = z
  .array(z.enum(OPERATION_GROUPS, { error: `one of ${OPERATION_GROUPS.join(', ')}` }))
  .refine((groups) => new Set(groups).size === groups.length, 'each group once');

/** A stored profile. Secret and PIN-key presence are asked of the vault, never stored. */
export const profileSchema = z.strictObject({
  id: profileIdSchema,
  name: z.string().trim().min(1, 'must not be empty').max(80),
  region: z.enum(REGIONS),
  environment: z.enum(ENVIRONMENTS),
  baseUrl: baseUrlSchema,
  merchantId: z.int({ error: 'the merchant Auth-Id is an integer' }).positive(),
  scheme: z.enum(SCHEMES),
  allowedOperations: groupsSchema,
  /** The built-in sandbox: main starts it and fills in its loopback URL at run time. */
  embedded: z.boolean().optional(),
  /** Set by main for a profile from a provisioning file or the managed policy: its connection is locked. */
  provisionedBy: z.enum(['provisioned', 'managed']).optional(),
});
export type Profile = z.infer<typeof profileSchema>;

// What a policy may lock: the operator cannot change a locked value.
export const LOCKABLE_SETTINGS = ['idleLockMinutes', 'allowedOperations', 'kiosk', 'language'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

export const preferencesSchema = z.strictObject({
  idleLockMinutes: z
    .int()
    .min(1, 'at least 1 minute')
    .max(MAX_IDLE_LOCK_MINUTES, `at most ${String(MAX_IDLE_LOCK_MINUTES)} minutes`)
    .optional(),
  kiosk: z.boolean().optional(),
  language: z.enum(LANGUAGES, { error: `one of ${LANGUAGES.join(', ')}` }).optional(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

const SCRYPT_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/;

/**
 * An operator account a policy provides. The PIN or passphrase is given only as the scrypt hash that
 * `card-desk operator hash-pin` makes (never the secret: a policy file may be readable by others).
 */
export const providedOperatorSchema = z.strictObject({
  id: operatorIdSchema,
  name: operatorNameSchema,
  roles: z.array(roleSchema).min(1, 'at least one role'),
  pinHash: z.string().regex(SCRYPT_HASH, 'an scrypt hash made by `card-desk operator hash-pin`'),
});
export type ProvidedOperator = z.infer<typeof providedOperatorSchema>;

export const policySchema = preferencesSchema
  .extend({
    locked: z.array(z.enum(LOCKABLE_SETTINGS, { error: `one of ${LOCKABLE_SETTINGS.join(', ')}` })).default([]),
    /** Caps every profile's groups on this workstation. */
    allowedOperations: groupsSchema.optional(),
    /** Days a finished bulk job keeps its input rows (names, phones, national ids); the default is 30. */
    bulkRetentionDays: z.int().min(1, 'at least 1 day').max(3650, 'at most 3650 days').optional(),
    /**
     * Days after which final operations and audit records move from the journal to a compressed archive file
     * (docs/architecture.md, retention and archives); absent: they stay in the journal.
     */
    journalArchiveAfterDays: z.int().min(30, 'at least 30 days').max(36500, 'at most 36500 days').optional(),
    /**
     * The workstation's directory of clients and cards for search (docs/architecture.md, data): on unless a
     * policy turns it off; rows untouched for `retentionDays` (default 180) are deleted.
     */
    directory: z
      .strictObject({
        enabled: z.boolean().optional(),
        retentionDays: z.int().min(1, 'at least 1 day').max(3650, 'at most 3650 days').optional(),
      })
      .optional(),
    /**
     * Superseded by operator accounts: every workstation now asks for an operator at its first start. Still
     * accepted so that older files load; it changes nothing (docs/provisioning.md).
     */
    requireOperatorPin: z.boolean().optional(),
    /** Operator accounts this policy provides (docs/provisioning.md, operators); secrets only as hashes. */
    operators: z
      .array(providedOperatorSchema)
      .refine((list) => new Set(list.map((o) => o.id)).size === list.length, 'each operator id once')
      .optional(),
    /** Rights granted to or taken from roles (docs/architecture.md, operators and roles). */
    roles: roleMatrixPolicySchema.optional(),
    /** The methods that need a second operator's approval; absent: the default list, empty: none. */
    dualControl: z.array(z.enum(APPROVABLE_METHODS, { error: `one of ${APPROVABLE_METHODS.join(', ')}` })).optional(),
    /** The bank's syslog server for the audit trail (docs/architecture.md, shipping to the log server). */
    syslog: syslogPolicySchema.optional(),
    /** The kiosk's admin PIN (8–12 digits) as an scrypt hash from `card-desk policy hash-pin`; never the PIN. */
    kioskExitPinHash: z
      .string()
      .regex(
        /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/,
        'an scrypt hash made by `card-desk policy hash-pin`',
      )
      .optional(),
  })
  .superRefine((policy, ctx) => {
    for (const [index, key] of policy.locked.entries()) {
      if (policy[key] === undefined)
        ctx.addIssue({ code: 'custom', path: ['locked', index], message: `${key} is locked but has no value` });
    }
  });
export type Policy = z.infer<typeof policySchema>;

/** A profile as an IT admin writes it: base URL and scheme may come from the region. */
export const provisionedProfileSchema = z
  .strictObject({
    id: profileIdSchema,
    name: z.string().trim().min(1, 'must not be empty').max(80),
    region: z.enum(REGIONS),
    environment: z.enum(ENVIRONMENTS),
    baseUrl: baseUrlSchema.optional(),
    merchantId: z.int({ error: 'the merchant Auth-Id is an integer' }).positive(),
    scheme: z.enum(SCHEMES).optional(),
    allowedOperations: groupsSchema.default([...OPERATION_GROUPS]),
  })
  .transform((p, ctx): Profile => {
    const baseUrl = p.baseUrl ?? defaultBaseUrl(p.region, p.environment);
    if (baseUrl === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseUrl'],
        message: `required: no known ${p.environment} URL for ${p.region}`,
      });
      return z.NEVER;
    }
    if (p.id === EMBEDDED_PROFILE_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `"${EMBEDDED_PROFILE_ID}" is the built-in sandbox profile`,
      });
      return z.NEVER;
    }
    return { ...p, baseUrl, scheme: p.scheme ?? DEFAULT_SCHEME[p.region] };
  });

export const provisioningSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  profiles: z
    .array(provisionedProfileSchema)
    .default([])
    .refine((ps) => new Set(ps.map((p) => p.id)).size === ps.length, 'each profile id once'),
  policy: policySchema.optional(),
});
export type Provisioning = z.infer<typeof provisioningSchema>;
