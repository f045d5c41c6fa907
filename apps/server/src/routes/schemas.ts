// Request schemas shared by the routes (zod → validation and the OpenAPI document).
import { z } from 'zod';

export const Id = z.string().min(1).max(100);
export const ProjectParams = z.object({ projectId: Id });
export const ModelParams = z.object({ modelId: Id });
export const ScenarioParams = z.object({ scenarioId: Id });
export const RunParams = z.object({ runId: Id });

export const ProjectCreate = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
});
export const ProjectPatch = z
  .object({ name: z.string().trim().min(1).max(200).optional(), description: z.string().max(5000).optional() })
  .refine((p) => p.name !== undefined || p.description !== undefined, { message: 'give name and/or description' });

export const ModelName = z.string().trim().min(1).max(200);
export const ModelCreateJson = z.union([
  z.object({ name: ModelName, inpText: z.string().min(1) }),
  z.object({ name: ModelName.optional(), templateId: z.string().min(1) }),
]);
