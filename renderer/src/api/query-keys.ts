// Query keys in one place, so that events and writes invalidate exactly what they change.
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  session: ['session'] as const,
  settings: ['settings'] as const,
  profiles: ['profiles'] as const,
  connection: (profileId: string) => ['connection', profileId] as const,
  requests: ['requests'] as const,
  pendingCount: ['requests', 'pending-count'] as const,
  journal: ['journal'] as const,
  audit: ['audit'] as const,
  auditStatus: ['audit-status'] as const,
  operators: ['operators'] as const,
  client: (clientId: string) => ['client', clientId] as const,
  card: (cardId: string) => ['card', cardId] as const,
  gift: ['gift'] as const,
};
