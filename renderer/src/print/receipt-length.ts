// An 80 mm roll is cut where the receipt ends: the receipt page is as long as its content, not A4-long. The
// length is set on print.css's `@page receipt` rule through the CSSOM (the CSP refuses inline styles, not the
// CSSOM), measured on the preview's copy, which has the printed width.
const MM_PER_PX = 25.4 / 96;
/** The page's margins (print.css) and a little slack, so that the last line never spills onto a second page. */
const EXTRA_MM = 8 + 6;
const DEFAULT_MM = 297;

function receiptRule(): CSSPageRule | undefined {
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: never ours
    }
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSPageRule && rule.selectorText === 'receipt') return rule;
    }
  }
  return undefined;
}

/** Fits the receipt page to `doc` (the preview's copy of the receipt); without one, back to A4-long. */
export function fitReceipt(doc: HTMLElement | null): void {
  const rule = receiptRule();
  if (rule === undefined) return;
  const length = doc === null ? DEFAULT_MM : Math.ceil(doc.getBoundingClientRect().height * MM_PER_PX + EXTRA_MM);
  rule.style.setProperty('size', `80mm ${String(Math.min(Math.max(length, 60), DEFAULT_MM * 4))}mm`);
}
