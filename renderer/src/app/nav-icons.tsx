// Small line icons for the sections, so the collapsed rail still tells them apart (components/LineIcon.tsx).
// Decorative: the link's accessible name is the section's word.
import type { ReactElement } from 'react';
import { LineIcon } from '../components/LineIcon.tsx';
import type { Section } from './router.tsx';

const PATHS: Record<Section, string> = {
  clients: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
  cards: 'M3 6h18v12H3zM3 10h18M7 15h4',
  bulk: 'M4 5h16M4 10h16M4 15h16M4 20h10',
  requests: 'M4 8h13l-3-3M20 16H7l3 3',
  gift: 'M4 10h16v10H4zM3 7h18v3H3zM12 7v13M12 7c-2-4-6-3-5 0M12 7c2-4 6-3 5 0',
  journal: 'M6 3h11a1 1 0 0 1 1 1v17H7a2 2 0 0 1-2-2V5a2 2 0 0 1 1-2zM9 8h6M9 12h6',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-1-3-2 .3-1.3-1.3L17 5l-3-1-1 2h-2l-1-2-3 1 .3 2L6 8.3 4 8l-1 3 2 1v0l-2 1 1 3 2-.3L7.3 17 7 19l3 1 1-2h2l1 2 3-1-.3-2 1.3-1.3 2 .3 1-3z',
};

export function NavIcon({ section }: { section: Section }): ReactElement {
  return (
    <LineIcon>
      <path d={PATHS[section]} />
    </LineIcon>
  );
}

export function RailToggleIcon({ collapsed }: { collapsed: boolean }): ReactElement {
  return (
    <LineIcon>
      <path d="M4 4h16v16H4zM9 4v16" />
      <path d={collapsed ? 'M13 10l2 2-2 2' : 'M16 10l-2 2 2 2'} />
    </LineIcon>
  );
}
