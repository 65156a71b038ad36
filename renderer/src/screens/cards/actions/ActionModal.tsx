// The dialog an action's form lives in. Scroll locking is off: Mantine's scroll lock injects a <style> element,
// which the CSP (style-src 'self') refuses. The class gives the dialog the screen's contrast fixes (cards.css).
// While the form's request is in flight, the dialog says how long it has waited and what happens, and may be
// closed: the request goes on and its outcome is shown by the frame (docs/operator-ui.md, dialogs and long
// requests).
import { Alert, Button, Group, Loader, Modal } from '@mantine/core';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../components/use-now.ts';

/** Mounted when the request leaves, so it counts from then. */
function Waiting({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation(['cards', 'common']);
  const [since] = useState(() => Date.now());
  const now = useNow(true);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <Alert color="blue" variant="light" role="status" mt="sm" data-testid="write-waiting" icon={<Loader size="xs" />}>
      <p className="notice-message">{t('actions.waiting.elapsed', { seconds })}</p>
      <p className="notice-message">{t('actions.waiting.goesOn')}</p>
      <Group mt="xs">
        <Button size="xs" variant="default" onClick={onClose} data-testid="write-waiting-close">
          {t('actions.waiting.close')}
        </Button>
      </Group>
    </Alert>
  );
}

export function ActionModal({
  opened,
  title,
  busy,
  onClose,
  testId,
  children,
}: {
  opened: boolean;
  title: string;
  /** The form's request is in flight. */
  busy: boolean;
  /** Closes the dialog; while busy, the request goes on without it. */
  onClose: () => void;
  testId: string;
  children: ReactNode;
}): ReactElement {
  const { t } = useTranslation('common');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      trapFocus
      returnFocus
      lockScroll={false}
      // A click beside the dialog while waiting would drop the operator's view of the request by accident.
      closeOnClickOutside={!busy}
      className="card-modal"
      closeButtonProps={{ 'aria-label': t('action.close') }}
      data-testid={testId}
    >
      {children}
      {busy && <Waiting onClose={onClose} />}
    </Modal>
  );
}
