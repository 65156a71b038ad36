// Runs between the DateTimeFormat polyfill and its time zone data (intl-polyfills.ts): see time-zones.ts.
import { filterTimeZoneData } from './time-zones.ts';

filterTimeZoneData();
