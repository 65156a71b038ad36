// Country names in the operator's language for the country selects, from the i18n-iso-countries package (the
// browser's own region names lack kk, ky and uz). Each language's names are loaded when first asked for, so
// they do not weigh on the first screen. The codes are the ISO list the contract checks against.
import { useEffect, useState } from 'react';
import { ISO_COUNTRIES } from '../../../../../common/card-api/iso-countries.ts';
import type { Language } from '../../../i18n/languages.ts';

type Names = Record<string, string | string[]>;
interface LocaleFile {
  default: { countries: Names };
}

const LOADERS: Record<Language, () => Promise<LocaleFile>> = {
  en: () => import('i18n-iso-countries/langs/en.json'),
  ru: () => import('i18n-iso-countries/langs/ru.json'),
  kk: () => import('i18n-iso-countries/langs/kk.json'),
  ky: () => import('i18n-iso-countries/langs/ky.json'),
  uz: () => import('i18n-iso-countries/langs/uz.json'),
};

export interface CountryOption {
  /** ISO 3166-1 alpha-3, what the Card API takes. */
  value: string;
  /** `Kazakhstan (KAZ)`: found by either name or code. */
  label: string;
}

const loaded = new Map<Language, CountryOption[]>();

/** Every ISO country as an option, by name in the language; a country the file does not name shows its code. */
export function countryOptions(names: Names, language: Language): CountryOption[] {
  const collator = new Intl.Collator(language);
  return Object.entries(ISO_COUNTRIES)
    .map(([alpha3, alpha2]) => {
      const name = names[alpha2];
      const text = Array.isArray(name) ? name[0] : name;
      return { value: alpha3, label: text === undefined ? alpha3 : `${text} (${alpha3})` };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}

let codesOnly: CountryOption[] | undefined;

/** The options in the language; the bare codes until its names have loaded. */
export function useCountryOptions(language: Language): CountryOption[] {
  const [, setLoads] = useState(0);
  useEffect(() => {
    if (loaded.has(language)) return;
    let live = true;
    void LOADERS[language]().then((file) => {
      loaded.set(language, countryOptions(file.default.countries, language));
      if (live) setLoads((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [language]);
  codesOnly ??= countryOptions({}, 'en');
  return loaded.get(language) ?? codesOnly;
}
