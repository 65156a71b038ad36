// Argument pieces more than one group of methods uses.
import { z } from 'zod';

export const none = z.strictObject({});
/** Operator lock-screen PIN. */
export const operatorPin = z.string().regex(/^\d{4,12}$/, '4 to 12 digits');
