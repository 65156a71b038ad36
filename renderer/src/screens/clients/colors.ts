// Colours with WCAG AA text contrast (4.5:1). Mantine's default filled blue (blue.6) under white text is 3.6:1;
// blue.8 is 5:1, also as the text of light buttons. The error red is set in clients.css (red.9, 5.5:1).
export const PRIMARY = 'blue.8';
export const ERROR_TEXT = 'red.9';
