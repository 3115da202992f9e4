/** Every migration, oldest first. A landed migration is never edited: add a new one. */
import { Initial1764000000000 } from './1764000000000-initial';

export const migrations = [Initial1764000000000];
