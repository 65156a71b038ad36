// The FormatJS polyfills as one module: its static imports run in this order (NumberFormat uses PluralRules,
// DateTimeFormat uses NumberFormat), while the bundler fetches their chunks at once instead of one by one.
import '@formatjs/intl-pluralrules/polyfill-force.js';
import '@formatjs/intl-numberformat/polyfill-force.js';
import '@formatjs/intl-datetimeformat/polyfill-force.js';
// Only the browser's zone of the data below is unpacked.
import './time-zone-filter.ts';
import '@formatjs/intl-datetimeformat/add-all-tz.js';
