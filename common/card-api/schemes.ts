// The two signing schemes (docs/card-api.md, signing). Pure: shared with schemas and forms.
export const SCHEMES = ['sha256-body', 'jws-hs512'] as const;
export type Scheme = (typeof SCHEMES)[number];
