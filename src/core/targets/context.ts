import type { PersonalTargets } from './types.js';
import {
  AHA_2005_OMEGA3,
  AVADEC_2022,
  EFSA_VITAMIN_K,
  IOM_2001_VITAMINS,
  KNAPEN_2015,
} from './data/references.js';

type Context = PersonalTargets['context'];

const SHARED: Context = [
  {
    nutrient: 'mk7',
    message:
      'Trial dose, not a target: 180 µg/day MK-7 for 3 years improved arterial stiffness in postmenopausal women (Knapen 2015); calcification was not the outcome.',
    source: KNAPEN_2015,
  },
  {
    nutrient: 'mk7',
    message:
      'Trial dose, not a target: 720 µg/day MK-7 with 25 µg vitamin D for 2 years did not slow aortic valve calcification (AVADEC). No trial has shown K2 to reverse calcification.',
    source: AVADEC_2022,
  },
  {
    nutrient: 'epa-dha',
    message: 'AHA: eat a variety of (preferably fatty) fish at least twice a week.',
    source: AHA_2005_OMEGA3,
  },
];

/** Context that is never a target: the missing K2 reference intake and trial doses. */
export function targetContext(authority: PersonalTargets['authority']): Context {
  const k2 =
    authority === 'nasem'
      ? {
          nutrient: 'vitamin-k2' as const,
          message:
            'No reference intake exists for vitamin K2 anywhere. The NASEM vitamin K AI covers K1 and K2 together, so calcwise sets no K2 target.',
          source: IOM_2001_VITAMINS,
        }
      : {
          nutrient: 'vitamin-k2' as const,
          message:
            'No reference intake exists for vitamin K2 anywhere. EFSA set its vitamin K AI for phylloquinone (K1) only and found menaquinone data insufficient, so calcwise sets no K2 target.',
          source: EFSA_VITAMIN_K,
        };
  return [k2, ...SHARED];
}
