// Argument pieces more than one group of methods uses.
import { z } from 'zod';

export const none = z.strictObject({});
