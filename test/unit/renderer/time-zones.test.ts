// The DateTimeFormat polyfill is given the browser's time zone and the fixed Etc/ zones, not all of them; a zone
// the data does not list under that name keeps every zone.
import { describe, expect, it } from 'vitest';
import { keepTimeZones } from '../../../renderer/src/i18n/time-zones.ts';

const data = {
  abbrvs: 'LMT|+05|+06',
  zones: ['Asia/Almaty|,0,1,0|-nu1a90,1,2,0', 'Europe/Paris|,0,0,0', 'Etc/GMT-5|,1,1,0', 'Etc/UTC|,0,0,0'],
};

describe('the time zones given to the polyfill', () => {
  it('keep the browser zone and the Etc/ zones, and every other field', () => {
    const kept = keepTimeZones(data, 'Asia/Almaty');
    expect(kept.zones.map((z) => z.split('|')[0])).toEqual(['Asia/Almaty', 'Etc/GMT-5', 'Etc/UTC']);
    expect(kept.abbrvs).toBe(data.abbrvs);
  });

  it('keep the Etc/ zones only for UTC, under any of its names', () => {
    for (const utc of ['UTC', 'Etc/UTC', 'GMT', 'Etc/Zulu'])
      expect(keepTimeZones(data, utc).zones.map((z) => z.split('|')[0])).toEqual(['Etc/GMT-5', 'Etc/UTC']);
  });

  it('keep every zone when the browser names its zone by an alias the data does not list', () => {
    expect(keepTimeZones(data, 'Asia/Calcutta')).toBe(data);
  });
});
