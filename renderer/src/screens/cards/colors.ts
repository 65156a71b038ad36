// Button colours with text contrast of WCAG AA (4.5:1): Mantine's default filled blue (blue.6) under white text
// is 3.6:1, blue.8 is 5:1; red.9 is 5.9:1 under white and on its own light tint.
export const PRIMARY = 'blue.8';
export const DANGER = 'red.9';
