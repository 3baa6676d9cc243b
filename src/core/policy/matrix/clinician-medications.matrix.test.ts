import { describe, expect, it } from 'vitest';
import { check, supplement, type Case } from './support.js';

const CASES: Case[] = [
  {
    name: 'calcitriol + vitamin D: avoid',
    profile: { medications: ['calcitriol'], supplements: [supplement('vitamin-d', 25)] },
    findings: { 'active-vitamin-d-supplements': 'avoid' },
  },
  {
    name: 'Rocaltrol',
    profile: { medications: ['rocaltrol'] },
    findings: { 'active-vitamin-d-supplements': 'caution' },
    consequences: ['withholdSupplement:vitamin-d'],
  },
  {
    name: 'alfacalcidol',
    profile: { medications: ['alfacalcidol'] },
    findings: { 'active-vitamin-d-supplements': 'caution' },
  },
  {
    name: 'Zemplar (paricalcitol)',
    profile: { medications: ['zemplar'] },
    findings: { 'active-vitamin-d-supplements': 'caution' },
  },
  {
    name: 'Sensipar (cinacalcet)',
    profile: { medications: ['sensipar'] },
    findings: { 'calcimimetic-calcium': 'monitor' },
    consequences: ['withholdSupplement:calcium'],
  },
  {
    name: 'PhosLo counts as calcium',
    profile: { medications: ['phoslo'], supplements: [supplement('calcium', 500)] },
    findings: { 'calcium-containing-medicine': 'caution' },
  },
  {
    name: 'Renvela (sevelamer): a binder, not calcium',
    profile: { medications: ['renvela'] },
    absent: ['calcium-containing-medicine', 'not-screened-medication'],
  },
  {
    name: 'lithium',
    profile: { medications: ['lithium carbonate'] },
    findings: { 'lithium-sodium-calcium': 'monitor' },
  },
  {
    name: 'Clexane (enoxaparin)',
    profile: { medications: ['clexane'] },
    findings: { 'heparin-potassium': 'monitor' },
  },
  {
    name: 'Prograf (tacrolimus): grapefruit out',
    profile: { medications: ['prograf'] },
    findings: { 'calcineurin-inhibitor-potassium-grapefruit': 'caution' },
    consequences: ['exclude-tag:grapefruit'],
  },
  {
    name: 'Milk of Magnesia with CKD 4: avoid',
    profile: { medications: ['magnesium hydroxide'], conditions: ['ckd-4'] },
    findings: { 'magnesium-antacid-laxative': 'avoid' },
  },
  {
    name: 'Lasix + Lanoxin',
    profile: { medications: ['lasix', 'lanoxin'] },
    findings: { 'loop-diuretic-digoxin-hypokalaemia': 'caution' },
  },
];

describe('clinician-requested medicines matrix', () => {
  for (const c of CASES) it(c.name, () => void check(c, expect));
});
