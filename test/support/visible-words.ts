// What a page shows in words, for the tests that check every visible string follows the language: its visible
// text, aria-labels and placeholders (profile names left out, the operator chose them), and which of those are
// English words.
import type { Page } from 'playwright-core';

/**
 * Every visible text of the page (text nodes, aria-labels, placeholders), except data that is a name: the
 * profile names, which the operator or IT chose.
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const names =
      '[data-testid="active-profile-name"], [data-testid="profile-row-name"], [data-testid="about-profile-name"], [data-testid="secret-profile"]';
    // Profile names also appear in the accessible names of row actions ("Edit: <name>").
    const profileNames = [...document.querySelectorAll(names)]
      .flatMap((element) => (element instanceof HTMLSelectElement ? [...element.options] : [element]))
      .map((element) => element.textContent.trim())
      .filter((name) => name !== '');
    const withoutNames = (value: string): string =>
      profileNames.reduce((rest, name) => rest.split(name).join(' '), value).trim();
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      const value = node.textContent?.trim() ?? '';
      if (value === '' || parent === null || parent.closest(names) !== null) continue;
      if (parent.closest('script, style') !== null || !parent.checkVisibility()) continue;
      out.push(withoutNames(value));
    }
    for (const element of document.body.querySelectorAll('[aria-label], [placeholder]')) {
      if (!element.checkVisibility() || element.closest(names) !== null) continue;
      for (const attribute of ['aria-label', 'placeholder']) {
        const value = element.getAttribute(attribute)?.trim();
        if (value) out.push(withoutNames(value));
      }
    }
    return out;
  });
}

/** Names and codes that stay as they are in every language: the product, Electron, Linux, shortcuts, URLs. */
const NOT_WORDS = [
  /Card Desk/g,
  /\bElectron\b/g,
  /\bLinux\b/g,
  /Alt\+\d/g,
  /Ctrl\+\w/g,
  /https?:\/\/\S*/g,
  /\bAuth-Id\b/g,
  // The test operators' names and ids (test/support/sign-in.ts) are names, not words.
  /\bTest (Admin|Approver)\b/g,
  /\b(admin|approver)\b/g,
];

/** Latin words with a lower-case letter (abbreviations such as PIN, ID, CVV, JWS, KZT are not English words). */
export function englishWords(texts: string[]): string[] {
  const words = new Set<string>();
  for (const value of texts) {
    let rest = value;
    for (const pattern of NOT_WORDS) rest = rest.replace(pattern, ' ');
    // Profile ids in hints (kg-bishkek) are examples of a format, not words.
    rest = rest.replace(/\b[a-z0-9]+(-[a-z0-9]+)+\b/g, ' ');
    for (const word of rest.match(/[A-Za-z]*[a-z][A-Za-z]*/g) ?? []) words.add(word);
  }
  return [...words];
}
