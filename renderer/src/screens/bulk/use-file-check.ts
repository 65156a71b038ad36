// Checking a chosen file in main (`bulk.validate`): nothing is sent to the bank. The last report stays on
// screen while a fixed file is checked, so the screen does not jump; a slower, older check never wins.
import { useCallback, useRef, useState } from 'react';
import type { BulkValidationReport } from '../../../../common/contract/index.ts';
import { validateBulkFile } from '../../api/bulk.ts';
import { fileToBase64, MAX_FILE_BYTES } from './file-bytes.ts';

export type CheckFailure =
  { kind: 'tooBig'; name: string } | { kind: 'unreadable'; name: string } | { kind: 'error'; error: unknown };

export interface FileCheck {
  file: File | null;
  report: BulkValidationReport | null;
  failure: CheckFailure | null;
  checking: boolean;
  check: (file: File) => void;
  clear: () => void;
}

export function useFileCheck(): FileCheck {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<BulkValidationReport | null>(null);
  const [failure, setFailure] = useState<CheckFailure | null>(null);
  const [checking, setChecking] = useState(false);
  const latest = useRef(0);

  const check = useCallback((chosen: File) => {
    const id = ++latest.current;
    setFile(chosen);
    setFailure(null);
    if (chosen.size > MAX_FILE_BYTES) {
      setReport(null);
      setFailure({ kind: 'tooBig', name: chosen.name });
      return;
    }
    setChecking(true);
    void (async () => {
      let contentBase64: string;
      try {
        contentBase64 = await fileToBase64(chosen);
      } catch {
        // The file changed or vanished on disk after it was chosen.
        if (id === latest.current) {
          setReport(null);
          setFailure({ kind: 'unreadable', name: chosen.name });
          setChecking(false);
        }
        return;
      }
      try {
        const result = await validateBulkFile({ fileName: chosen.name, contentBase64 });
        if (id === latest.current) setReport(result);
      } catch (error) {
        if (id === latest.current) {
          setReport(null);
          setFailure({ kind: 'error', error });
        }
      } finally {
        if (id === latest.current) setChecking(false);
      }
    })();
  }, []);

  const clear = useCallback(() => {
    latest.current++;
    setFile(null);
    setReport(null);
    setFailure(null);
    setChecking(false);
  }, []);

  return { file, report, failure, checking, check, clear };
}
