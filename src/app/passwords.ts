/**
 * Password hashing for accounts: argon2id through @node-rs/argon2 (prebuilt binaries shipped in
 * npm packages). The parameters are the library's defaults, which are OWASP's minimum for
 * argon2id (19 MiB memory, 2 passes, 1 lane; OWASP Password Storage Cheat Sheet); the PHC string
 * records them, so raising them later still verifies old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or a hash that cannot be read. */
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/** The library's default algorithm is argon2id (test/accounts.test.ts checks the PHC prefix). */
export const argon2idHasher: PasswordHasher = {
  hash: (password) => hash(password),
  async verify(passwordHash, password) {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  },
};
