import { timeseriesLines } from '@haimian/design';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { designStormHyetograph, StormParamsSchema } from '../inp/changes.js';
import { badRequest } from '../lib/errors.js';
import type { AppContext } from '../context.js';

const StormRequest = z.object({
  formula: z.string().optional().describe('formula id, default "beijing"'),
  params: StormParamsSchema.optional().describe('user parameters instead of a formula id'),
  periodYears: z.number().positive().max(1000),
  durationMin: z.number().positive().max(7 * 1440),
  stepMin: z.number().positive(),
  peak: z.number().min(0).max(1),
});

export const designRoutes = (_ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.post('/design/storm', { schema: { tags: ['design'], summary: 'Chicago design storm from a storm-intensity formula', body: StormRequest } }, async (req) => {
    const b = req.body;
    let built;
    try {
      built = designStormHyetograph({ ...b, formula: b.params ?? b.formula });
    } catch (err) {
      throw badRequest(err instanceof Error ? err.message : String(err));
    }
    const { storm, formula } = built;
    return {
      formula: { id: formula.id, name: formula.name },
      totalDepthMm: storm.totalDepthMm,
      depthsMm: storm.depthsMm,
      intensitiesMmPerH: storm.intensitiesMmPerH,
      peakTimeMin: storm.peakTimeMin,
      timeseriesInp: timeseriesLines({ gageName: 'DESIGN_STORM', seriesName: 'DESIGN_STORM', stepMin: b.stepMin, depthsMm: storm.depthsMm }).join('\n') + '\n',
    };
  });
};
