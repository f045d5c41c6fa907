// Wire check: the two STEADY reference models with control rules run through the routing
// driver with the real rule module (not a stand-in). SWMM's "Control Actions Taken" log
// must be reproduced line for line, and the routed volumes must match SWMM's report.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseInp, finalizeOptions } from '../../src/input/index.js';
import { runRoutingOnly } from '../../src/hydraulics/routing-driver.js';
import { routingSummary } from '../../src/hydraulics/routing.js';
import {
  parseControls, controlsAtStepStart, controlsAtStepEnd, controlsActionLog, controlsLimitStep,
} from '../../src/hydraulics/controls.js';
import { formatDate, formatTime } from '../../src/time/datetime.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const refDir = path.resolve(here, '..', '..', '..', '..', '..', 'shared', 'swmm-reference', 'models');
const haveRef = existsSync(refDir);
if (!haveRef) console.log(`controls wire check: ${refDir} not found — skipped`);

interface RefJson {
  continuity: Record<string, { rows: Record<string, number[]> }>;
}

function swmmLogLines(rpt: string): string[] {
  const lines = rpt.split(/\r?\n/);
  const at = lines.findIndex((l) => l.trim() === 'Control Actions Taken');
  if (at < 0) return [];
  const out: string[] = [];
  for (let i = at + 2; i < lines.length && lines[i]!.trim() !== ''; i++) out.push(lines[i]!);
  return out;
}

describe.skipIf(!haveRef)('control rules in a routing run (STEADY models)', () => {
  // epa_divider's wet well cycles a pump 156 times between depths 1 and 4 ft: the small
  // routing differences that accumulate over the day shift late switches by a step or
  // more, so there the first hours must match exactly and the count within 2 %.
  const cases = [
    { id: 'nrt_control_rules_steady', exactPrefix: Infinity },
    { id: 'epa_divider', exactPrefix: 50 },
  ];
  for (const { id, exactPrefix } of cases) {
    test(`${id}: action log and routing continuity as SWMM 5.2.4`, () => {
      const dir = path.join(refDir, id);
      const parsed = parseInp(readFileSync(path.join(dir, `${id}.inp`), 'latin1'), { fileName: `${id}.inp` });
      expect(parsed.errors).toEqual([]);
      const model = parsed.model!;
      const { controls, errors } = parseControls(model.extra['[CONTROLS]'], model);
      expect(errors).toEqual([]);
      const o = finalizeOptions(model).options;
      let calls = 0;
      const res = runRoutingOnly(model, {
        controls(r, _startDate, newTimeMs) {
          // the driver steps with ROUTING_STEP, a divisor of RULE_STEP in both models
          const dtS = Math.min(o.routingStepS, (o.totalDurationS * 1000 - newTimeMs) / 1000);
          controlsAtStepEnd(controls, newTimeMs); // the previous step ended here
          expect(controlsLimitStep(controls, newTimeMs, dtS)).toBe(dtS);
          controlsAtStepStart(controls, r.net, o.startDateTime, newTimeMs, dtS);
          calls++;
        },
      });
      expect(res.errors).toEqual([]);
      expect(calls).toBeGreaterThan(0);

      const ours = controlsActionLog(controls, res.net!.linkNames).map(
        (a) => `   ${formatDate(a.dateTime)}: ${formatTime(a.dateTime)} Link ${a.link} setting changed to ${a.setting.toFixed(2).padStart(6)} by Control ${a.rule}`,
      );
      const ref = swmmLogLines(readFileSync(path.join(dir, `${id}.rpt`), 'latin1'));
      expect(ref.length).toBeGreaterThan(0);
      if (process.env.CTL_DEBUG) {
        const rows: string[] = [];
        for (let k = 0; k < Math.max(ours.length, ref.length); k++) rows.push(`${k} ${ours[k]} | ${ref[k]}`);
        writeFileSync(`/tmp/ctl-${id}.txt`, rows.join('\n'));
      }
      let same = 0;
      while (same < ref.length && ours[same] === ref[same]) same++;
      if (exactPrefix === Infinity) expect(ours).toEqual(ref);
      else {
        expect(ours.slice(0, exactPrefix)).toEqual(ref.slice(0, exactPrefix));
        expect(Math.abs(ours.length - ref.length)).toBeLessThanOrEqual(Math.ceil(0.02 * ref.length));
      }

      const refJson = JSON.parse(readFileSync(path.join(dir, `${id}_rpt.json`), 'utf8')) as RefJson;
      const cont = refJson.continuity['Flow Routing Continuity']!.rows;
      const c = routingSummary(res.routing!).flowRoutingContinuity;
      const acreFt = (v: readonly [number, number]): number => v[0];
      console.log(`controls wire ${id}: ${ours.length} actions (SWMM ${ref.length}, first ${same} identical); outflow ${acreFt(c.externalOutflow).toFixed(3)} (SWMM ${cont['External Outflow']![0]}), final storage ${acreFt(c.finalStoredVolume).toFixed(3)} (SWMM ${cont['Final Stored Volume']![0]})`);
      expect(Math.abs(acreFt(c.externalOutflow) - cont['External Outflow']![0]!)).toBeLessThanOrEqual(0.0015 + 0.01 * cont['External Outflow']![0]!);
      expect(Math.abs(acreFt(c.finalStoredVolume) - cont['Final Stored Volume']![0]!)).toBeLessThanOrEqual(0.0015 + 0.01 * cont['Final Stored Volume']![0]!);
    });
  }
});
