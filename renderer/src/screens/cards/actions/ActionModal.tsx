// The dialog an action's form lives in. Scroll locking is off: Mantine's scroll lock injects a <style> element,
// which the CSP (style-src 'self') refuses. The class gives the dialog the screen's contrast fixes (cards.css).
import { Modal } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
  busy: boolean;
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
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      className="card-modal"
      closeButtonProps={{ 'aria-label': t('action.close') }}
      data-testid={testId}
    >
      {children}
    </Modal>
  );
}
