// What a signed-in operator works in: the frame and the current screen. Its own chunk, so that the sign-in and
// first-start screens (the first screen of every start) load without it; App fetches it right after the first
// paint, while the operator types (docs/operator-ui.md, speed on a small PC).
import type { ReactElement } from 'react';
import { Frame } from './Frame.tsx';
import { useNavigation } from './router.tsx';
import { Screen } from './Screens.tsx';

export function Desk(): ReactElement {
  const { route } = useNavigation();
  return (
    <Frame>
      <Screen route={route} />
    </Frame>
  );
}
