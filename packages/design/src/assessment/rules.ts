// GB/T 51345-2018 assessment thresholds (digest §7) kept as data: value, clause, provenance, so they can be
// corrected when the [R]/[X] clause texts are confirmed (digest §7.6 item 6).
import type { Provenance, ProvenancedTable } from '../provenance.js';

export interface AssessmentRule {
  id: string;
  item: string;
  /** What is compared: the measured value must be `comparison` threshold to pass. */
  comparison: '>=' | '<=' | '>' | '<';
  threshold: number;
  unit: string;
  clause: string;
  provenance: Provenance;
}

const R = (note?: string): Provenance => ({ tag: 'R', source: 'GB/T 51345-2018', ...(note ? { note } : {}) });

export const ASSESSMENT_RULES: ProvenancedTable<AssessmentRule> = {
  id: 'gbt51345-rules',
  title: 'GB/T 51345-2018 assessment thresholds (海绵城市建设评价标准)',
  provenance: { tag: 'R', source: 'GB/T 51345-2018', note: 'item list and 考核/考查 split [V]; thresholds mostly [R]; clause numbers differ between drafts' },
  rows: [
    { id: 'model-nse', item: 'model calibration/validation Nash–Sutcliffe efficiency', comparison: '>=', threshold: 0.5, unit: '-', clause: '5.1 年径流总量控制率及径流体积控制 (model calibration)', provenance: R() },
    { id: 'ss-removal-new', item: 'annual SS removal, new building/residential, parking & plaza projects', comparison: '>=', threshold: 0.7, unit: 'fraction', clause: '5.2 源头减排项目实施有效性', provenance: R() },
    { id: 'ss-removal-retrofit', item: 'annual SS removal, retrofit projects (or the planning value)', comparison: '>=', threshold: 0.4, unit: 'fraction', clause: '5.2 源头减排项目实施有效性', provenance: R() },
    { id: 'park-alpha-new', item: 'new parks: controlled volume at least that of α = 90 %', comparison: '>=', threshold: 0.9, unit: 'fraction', clause: '5.2 源头减排项目实施有效性 (parks)', provenance: { tag: 'X', source: 'GB/T 51345-2018', note: '[R/X] in the digest' } },
    { id: 'impervious-connected-new', item: 'new projects: share of impervious surface routed to control facilities', comparison: '>=', threshold: 0.7, unit: 'fraction', clause: '5.2 源头减排项目实施有效性', provenance: { tag: 'X', source: 'GB/T 51345-2018', note: 'not verified' } },
    { id: 'cso-control', item: 'annual overflow volume control rate at each mixed-connection/CSO outfall', comparison: '>=', threshold: 0.5, unit: 'fraction', clause: '5.4 城市水体环境质量', provenance: R() },
    { id: 'treatment-ss', item: 'monthly mean SS of treatment-facility effluent', comparison: '<=', threshold: 50, unit: 'mg/L', clause: '5.4 城市水体环境质量', provenance: R() },
    { id: 'shoreline', item: 'ecological shoreline ratio of new/retrofitted water bodies', comparison: '>=', threshold: 0.7, unit: 'fraction', clause: '5.5 自然生态格局管控与水体生态性岸线保护', provenance: R() },
    { id: 'transparency', item: 'transparency (not black-odorous)', comparison: '>', threshold: 25, unit: 'cm', clause: '5.4 城市水体环境质量 (黑臭指南 2015 light-class bounds)', provenance: R('if depth < 25 cm: > 40 % of depth') },
    { id: 'do', item: 'dissolved oxygen (not black-odorous)', comparison: '>', threshold: 2, unit: 'mg/L', clause: '5.4 城市水体环境质量', provenance: R() },
    { id: 'orp', item: 'oxidation–reduction potential (not black-odorous)', comparison: '>', threshold: 50, unit: 'mV', clause: '5.4 城市水体环境质量', provenance: R() },
    { id: 'nh3n', item: 'ammonia nitrogen (not black-odorous)', comparison: '<', threshold: 8, unit: 'mg/L', clause: '5.4 城市水体环境质量', provenance: R() },
  ],
};

export function assessmentRule(id: string): AssessmentRule {
  const r = ASSESSMENT_RULES.rows.find((x) => x.id === id);
  if (!r) throw new RangeError(`unknown assessment rule ${id}`);
  return r;
}

/** Outcome of one judged quantity. */
export interface Judgement {
  value: number;
  threshold: number;
  comparison: AssessmentRule['comparison'];
  pass: boolean;
  clause: string;
  provenance: Provenance;
}

/** Judges a value against a rule (optionally with another threshold, e.g. a zone's lower limit). */
export function judge(value: number, rule: Pick<AssessmentRule, 'comparison' | 'threshold' | 'clause' | 'provenance'>): Judgement {
  const t = rule.threshold;
  const pass = rule.comparison === '>=' ? value >= t : rule.comparison === '<=' ? value <= t : rule.comparison === '>' ? value > t : value < t;
  return { value, threshold: t, comparison: rule.comparison, pass, clause: rule.clause, provenance: rule.provenance };
}
