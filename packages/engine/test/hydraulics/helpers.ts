// Small .inp builders for routing tests: a routing-only model (no subcatchments) with the
// given sections, run with the routing-only driver.
import { parseInp } from '../../src/input/index.js';
import type { Model } from '../../src/model/types.js';

export interface InpParts {
  routing?: 'KINWAVE' | 'STEADY';
  flowUnits?: string;
  /** hh:mm:ss */
  duration?: string;
  routingStep?: number;
  reportStep?: string;
  allowPonding?: boolean;
  extraOptions?: string;
  sections: string;
}

/** Build and parse a routing-only model; throws on parse errors. */
export function modelOf(p: InpParts): Model {
  const text = `[OPTIONS]
FLOW_UNITS ${p.flowUnits ?? 'CFS'}
FLOW_ROUTING ${p.routing ?? 'KINWAVE'}
LINK_OFFSETS DEPTH
ALLOW_PONDING ${p.allowPonding ? 'YES' : 'NO'}
START_DATE 01/01/2021
START_TIME 00:00:00
REPORT_START_DATE 01/01/2021
REPORT_START_TIME 00:00:00
END_DATE 01/01/2021
END_TIME ${p.duration ?? '06:00:00'}
REPORT_STEP ${p.reportStep ?? '00:15:00'}
WET_STEP 00:05:00
DRY_STEP 01:00:00
ROUTING_STEP ${p.routingStep ?? 30}
${p.extraOptions ?? ''}
${p.sections}
`;
  const r = parseInp(text, { fileName: 'test.inp' });
  if (!r.model) throw new Error(r.errors.map((e) => `${e.code} ${e.message}`).join('; '));
  return r.model;
}
