/** The consequence types live beside the rules that emit them (src/core/safety/consequences.ts). */
export type {
  Cause,
  Consequence,
  ConsequenceSpec,
  ConsequenceType,
} from '../safety/consequences.js';
