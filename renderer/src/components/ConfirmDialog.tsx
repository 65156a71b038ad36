// Confirmation before irreversible or costly actions. With `typeWord`, the operator must type that word
// (e.g. the last four digits of the card) before Confirm is enabled.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  cancelLabel,
  typeWord,
  blocked = false,
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: {
  opened: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** The dismiss button's words when "Cancel" would be ambiguous (e.g. cancelling a job). */
  cancelLabel?: string;
  typeWord?: string;
  /** Something else the dialog asks for is still missing (e.g. an acknowledgement): Confirm stays disabled. */
  blocked?: boolean;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  // The typed word stays while the dialog is open (a refused approval keeps it open: the operator corrects the
  // approval, not the word) and is cleared once the dialog closes.
  const [wasOpened, setWasOpened] = useState(opened);
  if (wasOpened !== opened) {
    setWasOpened(opened);
    if (!opened) setTyped('');
  }
  const ready = !blocked && (typeWord === undefined || typed.trim() === typeWord);
  const close = (): void => {
    setTyped('');
    onCancel();
  };
  return (
    // lockScroll off: Mantine's scroll lock injects a <style> element, which the CSP refuses.
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      centered
      trapFocus
      returnFocus
      lockScroll={false}
      closeOnClickOutside={!busy}
      closeButtonProps={{ 'aria-label': t('action.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!ready || busy) return;
          onConfirm();
        }}
      >
        <Stack>
          {children}
          {danger && <Text fw={600}>{t('confirm.irreversible')}</Text>}
          {typeWord !== undefined && (
            <TextInput
              label={t('confirm.typeToConfirm', { word: typeWord })}
              value={typed}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
              }}
              autoComplete="off"
              data-autofocus
              data-testid="confirm-word"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {cancelLabel ?? t('action.cancel')}
            </Button>
            <Button
              type="submit"
              color={danger ? 'red' : undefined}
              disabled={!ready}
              loading={busy}
              data-testid="confirm-submit"
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
