// Placeholder: replaced by the zod profile schema.
import type { Profile } from '../core/profile.js';
import { err, type Result } from '../core/result.js';

export function parseProfile(_input: unknown, file?: string): Result<Profile> {
  return err({ code: 'INVALID_PROFILE', message: 'profile parsing is not built yet', file });
}
