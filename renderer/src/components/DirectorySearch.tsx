// One search box in the frame for every client and card this workstation created or opened: a name fragment, a
// phone, a national id, the last four digits or a whole card number (docs/operator-ui.md, finding a client or a
// card). Ctrl+K or "/" focuses it; arrows move through the results, Enter opens one, Escape closes the list.
import { Loader, TextInput } from '@mantine/core';
import {
  useDeferredValue,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryHit } from '../../../common/contract/index.ts';
import { MIN_SEARCH_LENGTH, useDirectorySearch } from '../api/directory.ts';
import { useNavigation } from '../app/router.tsx';
import { cardStatusLabel } from '../tables/card-columns.tsx';
import './directory-search.css';

/** Typing in a field must not be taken for the "/" shortcut. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function useFocusShortcut(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent): void {
      const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
      const slash =
        event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target);
      if (!ctrlK && !slash) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [input]);
}

function HitLine({ hit }: { hit: DirectoryHit }): ReactElement {
  const { t } = useTranslation();
  const kind = t(`search.kind.${hit.kind}`);
  if (hit.kind === 'client') {
    return (
      <>
        <span className="directory-hit-kind">{kind}</span>
        <span className="directory-hit-main">{hit.name ?? hit.id}</span>
        <span className="directory-hit-detail">{[hit.phone, hit.id].filter(Boolean).join(' · ')}</span>
      </>
    );
  }
  return (
    <>
      <span className="directory-hit-kind">{kind}</span>
      <span className="directory-hit-main directory-hit-mask">{hit.cardMask ?? hit.id}</span>
      <span className="directory-hit-detail">
        {[hit.status === null ? null : cardStatusLabel(t, hit.status), hit.name].filter(Boolean).join(' · ')}
      </span>
    </>
  );
}

export function DirectorySearch(): ReactElement {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDeferredValue(text);
  const search = useDirectorySearch(query);
  const hits = search.data?.entries ?? [];
  useFocusShortcut(input);

  const go = (hit: DirectoryHit): void => {
    // The text may be a card number: it does not stay on screen once its result is open.
    setText('');
    setOpen(false);
    input.current?.blur();
    navigate(hit.kind === 'client' ? { screen: 'client', clientId: hit.id } : { screen: 'card', cardId: hit.id });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') {
      setOpen(false);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (hits.length === 0 ? 0 : (i + step + hits.length) % hits.length));
      return;
    }
    if (event.key === 'Enter') {
      const hit = hits[active];
      if (hit !== undefined) {
        event.preventDefault();
        go(hit);
      }
    }
  };

  const showList = open && query.trim().length >= MIN_SEARCH_LENGTH;
  const optionId = (i: number) => `${listId}-option-${String(i)}`;
  const status = (): string | null => {
    if (search.isError) return t('search.failed');
    if (search.data?.enabled === false) return t('search.off');
    if (search.isFetching && hits.length === 0) return t('state.loading');
    if (search.isSuccess && hits.length === 0) return t('search.none');
    return null;
  };

  return (
    <div className="directory-search" data-testid="directory-search">
      <TextInput
        ref={input}
        size="xs"
        type="search"
        value={text}
        placeholder={t('search.placeholder')}
        title={t('search.hint')}
        aria-label={t('search.label')}
        aria-keyshortcuts="Control+K /"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && hits[active] !== undefined ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        data-testid="directory-search-input"
        rightSection={search.isFetching ? <Loader size={12} /> : <kbd className="directory-search-key">Ctrl+K</kbd>}
        rightSectionWidth={52}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          setOpen(true);
        }}
        onBlur={() => {
          setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <div className="directory-search-list" role="listbox" id={listId} aria-label={t('search.results')}>
          {status() !== null && (
            <div className="directory-search-status" role="status" data-testid="directory-search-status">
              {status()}
            </div>
          )}
          {hits.map((hit, i) => (
            <div
              key={`${hit.kind}:${hit.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="directory-hit"
              data-testid="directory-hit"
              data-kind={hit.kind}
              data-id={hit.id}
              // Chosen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                go(hit);
              }}
              onMouseEnter={() => {
                setActive(i);
              }}
            >
              <HitLine hit={hit} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
