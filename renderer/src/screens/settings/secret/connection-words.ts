// A connection test's answer as a sentence: the bank accepted the signature, refused it, does not know the
// merchant, could not be reached, or answered something unexpected (the raw text goes under Details).
import type { TFunction } from 'i18next';
import type { ConnectionTest } from '../../../../../common/contract/index.ts';
import type { Described } from '../../../i18n/describe-error.ts';

export function describeConnection(t: TFunction, test: ConnectionTest): Described {
  switch (test.result) {
    case 'signature_accepted':
      return { tone: 'success', message: t('settings:connection.signature_accepted') };
    case 'invalid_signature':
    case 'unknown_merchant':
      return { tone: 'error', message: t(`settings:connection.${test.result}`), detail: test.description };
    case 'unreachable':
      return { tone: 'error', message: t('settings:connection.unreachable'), detail: test.reason };
    case 'unexpected':
      return { tone: 'warning', message: t('settings:connection.unexpected'), detail: test.description };
  }
}
