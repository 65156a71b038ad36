// In-memory navigation: the address bar never carries card or client ids (and the preview token is cleared from
// it at start). Moving to a screen moves focus to its heading, so keyboard and screen-reader users follow.
import { createContext, useCallback, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';

export type Route =
  | { screen: 'clients' }
  | { screen: 'client'; clientId: string }
  | { screen: 'cards' }
  | { screen: 'card'; cardId: string }
  | { screen: 'requests' }
  | { screen: 'gift' }
  | { screen: 'bulk' }
  | { screen: 'journal' }
  | { screen: 'settings' };

export type Section = 'clients' | 'cards' | 'bulk' | 'requests' | 'gift' | 'journal' | 'settings';

export const SECTIONS: Section[] = ['clients', 'cards', 'bulk', 'requests', 'gift', 'journal', 'settings'];

export function sectionOf(route: Route): Section {
  if (route.screen === 'client') return 'clients';
  if (route.screen === 'card') return 'cards';
  return route.screen;
}

interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
  back: () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({
  initial = { screen: 'clients' },
  children,
}: {
  initial?: Route;
  children: ReactNode;
}): ReactElement {
  const [history, setHistory] = useState<Route[]>([initial]);
  const navigate = useCallback((route: Route) => {
    setHistory((h) => [...h.slice(-49), route]);
  }, []);
  const back = useCallback(() => {
    setHistory((h) => (h.length > 1 ? h.slice(0, -1) : h));
  }, []);
  const value = useMemo(
    () => ({ route: history[history.length - 1] ?? initial, navigate, back }),
    [history, initial, navigate, back],
  );
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (navigation === null) throw new Error('useNavigation outside NavigationProvider');
  return navigation;
}
