// The Mantine colours Card Desk sets itself, chosen for WCAG AA text contrast (4.5:1). Mantine's default filled
// blue (blue.6) under white text is 3.6:1; blue.8 is 5:1, also as the text of light buttons. red.9 is 5.9:1
// under white and on its own light tint, and 5.5:1 as error text.
export const PRIMARY = 'blue.8';
/** Irreversible or costly actions (close a card, block it, cancel a job). */
export const DANGER = 'red.9';
/** Error sentences outside a field (a form's summary of what is wrong). */
export const ERROR_TEXT = 'red.9';
