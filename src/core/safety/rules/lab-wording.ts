import { getLabTest, type LabAssessment, type LabResult } from '../../labs/index.js';
import { fmt } from '../context.js';

/** "potassium 5.6 mmol/L on 2026-11-20". */
export function describeLab(lab: LabResult): string {
  const entered =
    lab.original.unit === lab.unit ? '' : ` (${fmt(lab.original.value)} ${lab.original.unit})`;
  return `${getLabTest(lab.test).name.toLowerCase()} ${fmt(lab.value)} ${lab.unit}${entered} on ${lab.date}`;
}

/** "your lab's range 3.5–5.1" or "the conventional laboratory range 3.5–5.0 mmol/L". */
export function describeRange(lab: LabResult, assessment: LabAssessment): string {
  const bounds = `${assessment.low === undefined ? '' : fmt(assessment.low)}–${assessment.high === undefined ? '' : fmt(assessment.high)} ${lab.unit}`;
  if (assessment.rangeKind === 'own') return `your lab’s range (${bounds})`;
  return `${getLabTest(lab.test).reference?.label ?? bounds}`;
}
