// The time zones the FormatJS DateTimeFormat polyfill is given: the browser's own and the fixed Etc/ zones (UTC
// needs none), not all ~450. Its data module carries every zone, and unpacking them all made the polyfills
// the costliest script of the start (docs/operator-ui.md, "Speed on a small PC"). Times are shown in the
// browser's zone only; a zone the data has only under another name (an alias) keeps every zone.

interface PackedTimeZones {
  zones: string[];
}

type AddTimeZoneData = (data: PackedTimeZones) => void;

interface PolyfilledDateTimeFormat {
  __addTZData?: AddTimeZoneData;
}

/** Read before the polyfill replaces Intl.DateTimeFormat: the browser always knows its own zone. */
export const browserTimeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The names of UTC, which the polyfill knows without data. */
const UTC = /^(?:Etc\/)?(?:UTC|UCT|GMT|GMT[+-]0|Greenwich|Universal|Zulu)$/i;

/** The packed data with only the zones kept (the data's other fields as they are). */
export function keepTimeZones<T extends PackedTimeZones>(data: T, zone: string): T {
  const name = (packed: string): string => packed.slice(0, packed.indexOf('|'));
  if (!UTC.test(zone) && !data.zones.some((packed) => name(packed) === zone)) return data;
  return { ...data, zones: data.zones.filter((packed) => name(packed) === zone || name(packed).startsWith('Etc/')) };
}

/** Installed between the polyfill and its time zone data (intl-polyfills.ts). */
export function filterTimeZoneData(): void {
  const constructor = Intl.DateTimeFormat as PolyfilledDateTimeFormat;
  const add = constructor.__addTZData;
  if (add === undefined) return;
  constructor.__addTZData = (data) => {
    add(keepTimeZones(data, browserTimeZone));
  };
}
