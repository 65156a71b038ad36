// The policy's syslog server: where the audit trail and operation outcomes are shipped
// (docs/architecture.md, "Shipping to the log server"; docs/provisioning.md).
import { z } from 'zod';

export const SYSLOG_FACILITIES = [
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
] as const;

/** Seconds the oldest waiting record may wait before the frame shows that shipping is behind. */
export const DEFAULT_BEHIND_AFTER_SECONDS = 300;

export const syslogPolicySchema = z
  .strictObject({
    host: z.string().trim().min(1, 'must not be empty').max(253),
    port: z.int().min(1).max(65535),
    /** `tls` (RFC 5425) verifies the server against `caFile` or `ca`; `tcp` is plain, for a collector nearby. */
    transport: z.enum(['tls', 'tcp'], { error: 'tls or tcp' }),
    /** The CA that signed the server's certificate: a PEM file's absolute path, or the PEM itself. */
    caFile: z.string().min(1).optional(),
    ca: z.string().includes('-----BEGIN CERTIFICATE-----', { error: 'a PEM certificate' }).optional(),
    facility: z.enum(SYSLOG_FACILITIES).optional(),
    behindAfterSeconds: z.int().min(10, 'at least 10 seconds').max(604_800, 'at most 7 days').optional(),
  })
  .superRefine((s, ctx) => {
    if (s.transport === 'tls' && s.ca === undefined && s.caFile === undefined)
      ctx.addIssue({ code: 'custom', path: ['caFile'], message: 'tls needs the CA to trust: caFile or ca' });
  });
export type SyslogPolicy = z.infer<typeof syslogPolicySchema>;

/** The first policy that names a server wins whole (the managed policy before the provisioned one). */
export function firstSyslog(...policies: ({ syslog?: SyslogPolicy } | undefined)[]): { syslog?: SyslogPolicy } {
  const syslog = policies.find((p) => p?.syslog !== undefined)?.syslog;
  return syslog === undefined ? {} : { syslog };
}
