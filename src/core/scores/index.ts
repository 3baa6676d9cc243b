export {
  MEDAS_ANSWER_KEYS,
  MEDAS_BOOLEAN_KEYS,
  MEDAS_ITEMS,
  MEDAS_NOTES,
  MEDAS_SOURCES,
  medasBand,
  scoreMedas,
  validateMedasAnswers,
  type MedasAnswerKey,
  type MedasAnswers,
  type MedasBand,
  type MedasBandId,
  type MedasItem,
  type MedasItemScore,
  type MedasScore,
} from './medas.js';
export {
  estimateMedasFromAnalysis,
  type EstimateStatus,
  type MedasEstimate,
  type MedasItemEstimate,
} from './medas-estimate.js';
export {
  DASH_COMPONENTS,
  DASH_SOURCE,
  dashGuidance,
  type DashComponent,
  type DashGuidance,
} from './dash.js';
