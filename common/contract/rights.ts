// Who may do what: every contract method names the right it needs (method.ts), every role holds a set of
// rights, and main refuses a call whose operator's roles lack it (`permission_denied`). The policy may adjust
// the matrix. docs/architecture.md, "Operators and roles".
import { z } from 'zod';

export const RIGHTS = [
  /** Needs no operator: what the sign-in screen itself uses (only for methods allowed while locked). */
  'open',
  /** Any signed-in operator: the frame, language, printing, their own session. */
  'signedIn',
  /** Clients: create, edit, their cards, the workstation's directory. */
  'clients',
  /** Issue a card (virtual, plastic) or link one. */
  'cards.issue',
  /** Everyday card care: info, balance, statement, activate, block, set PIN, identification. */
  'cards.operate',
  'cards.unblock',
  'cards.close',
  'cards.pinCounter',
  /** See a card's number and CVV (audited, with a reason). */
  'cards.reveal',
  'limits',
  'gift',
  'bulk',
  /** Ask the bank again about open operations (the Requests screen's actions). */
  'requests.check',
  /** Read the operations journal (Requests, Journal, a card's timeline). */
  'journal',
  /** Read the audit trail. */
  'audit',
  /** Choose the active profile among the configured ones. */
  'profiles.use',
  /** Profiles, merchant secrets, PIN keys, the connection test. */
  'profiles.manage',
  /** Workstation preferences: idle lock, kiosk, language defaults. */
  'settings',
  /** Operator accounts: add, disable, reset a PIN. */
  'operators',
] as const;
export type Right = (typeof RIGHTS)[number];

export const ROLES = ['teller', 'supervisor', 'administrator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const TELLER: readonly Right[] = [
  'signedIn',
  'clients',
  'cards.issue',
  'cards.operate',
  'gift',
  'requests.check',
  'journal',
  'profiles.use',
];

/** The default matrix. Card data reveal is a supervisor's right, never a teller's, unless a policy says so. */
export const DEFAULT_ROLE_RIGHTS: Readonly<Record<Role, readonly Right[]>> = {
  teller: TELLER,
  supervisor: [
    ...TELLER,
    'cards.unblock',
    'cards.close',
    'cards.pinCounter',
    'cards.reveal',
    'limits',
    'bulk',
    'audit',
  ],
  // Administrators run the workstation, not cards: a card role must be given too for card work.
  administrator: ['signedIn', 'profiles.use', 'profiles.manage', 'settings', 'operators', 'journal', 'audit'],
  auditor: ['signedIn', 'journal', 'audit'],
};

/** A policy's change to the matrix: rights added to or taken from a role. `open` is never granted. */
export const roleAdjustmentSchema = z.strictObject({
  grant: z.array(z.enum(RIGHTS).exclude(['open'])).optional(),
  revoke: z.array(z.enum(RIGHTS).exclude(['open', 'signedIn'])).optional(),
});
export const roleMatrixPolicySchema = z.partialRecord(roleSchema, roleAdjustmentSchema);
export type RoleMatrixPolicy = z.infer<typeof roleMatrixPolicySchema>;

/** The rights of an operator holding `roles`, after the policy's adjustments. */
export function rightsOf(roles: readonly Role[], policy: RoleMatrixPolicy = {}): Set<Right> {
  const rights = new Set<Right>();
  for (const role of roles) {
    const adjust = policy[role] ?? {};
    const revoked = new Set<Right>(adjust.revoke ?? []);
    for (const right of [...DEFAULT_ROLE_RIGHTS[role], ...(adjust.grant ?? [])]) {
      if (!revoked.has(right)) rights.add(right);
    }
  }
  return rights;
}

/**
 * Actions that may need a second operator's approval (dual control), and those that do unless the policy
 * chooses otherwise. The approver must hold the method's right too, and must not be the maker.
 */
export const APPROVABLE_METHODS = [
  'cards.close',
  'cards.unblock',
  'cards.revealSecret',
  'limits.set',
  'bulk.start',
  'vault.setSecret',
  'vault.clearSecret',
  'vault.createPinKey',
  'profiles.save',
  'profiles.import',
  'profiles.remove',
  'operators.add',
  'operators.disable',
  'operators.resetSecret',
] as const;
export type ApprovableMethod = (typeof APPROVABLE_METHODS)[number];
export const DEFAULT_DUAL_CONTROL: readonly ApprovableMethod[] = [
  'cards.close',
  'limits.set',
  'bulk.start',
  'vault.setSecret',
  'profiles.save',
];

/** Operator ids: short, lower-case, typed at sign-in. */
export const operatorIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,31}$/, 'letters, digits, ".", "_" or "-", at most 32');
/** A PIN of 4 to 12 digits, or a passphrase of 8 to 128 characters. */
export const operatorSecretSchema = z
  .string()
  .max(128, 'at most 128 characters')
  .refine((s) => /^\d{4,12}$/.test(s) || (s.length >= 8 && !/^\d+$/.test(s)), {
    message: 'a PIN of 4 to 12 digits or a passphrase of at least 8 characters',
  });
export const operatorNameSchema = z.string().trim().min(1, 'required').max(64, 'at most 64 characters');
/** A second operator's credentials, typed in the same dialog as the action they approve. */
export const approvalSchema = z.strictObject({ operatorId: operatorIdSchema, secret: operatorSecretSchema });
export type Approval = z.infer<typeof approvalSchema>;
