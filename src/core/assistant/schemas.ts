import * as z from 'zod/mini';
import { PARTNERSHIP_TYPES, SCORECARD_CRITERIA, SUCCESS_METRICS, type PartnershipTypeId, type ScorecardCriterionId, type SuccessMetricId } from '../domain';
import { STAGES, WORTH_CONTINUING, type Stage } from '../records/schema';

/*
 * The tools' inputs. Plain JSON-schema shapes (no transforms), so that the same schema checks a
 * call, lists the tool (MCP `tools/list`) and is declared in package.json (languageModelTools).
 * Every check has its own message: a refusal says which field and why.
 */

/** A record's name: its file name without `.md`. No path separators, no `..`. */
export const RECORD_NAME_PATTERN = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9_. -]*$/;

export function text(max: number, what: string, description: string) {
  return z.string({ error: `${what} must be text` }).check(
    z.maxLength(max, { error: `${what} must be at most ${max} characters` }),
    z.describe(description),
  );
}

export function oneLine(max: number, what: string, description: string) {
  return z.string({ error: `${what} must be text` }).check(
    z.minLength(1, { error: `${what} must not be empty` }),
    z.maxLength(max, { error: `${what} must be at most ${max} characters` }),
    z.regex(/^[^\r\n\t]*$/, { error: `${what} must be one line` }),
    z.describe(description),
  );
}

export const recordName = z.string({ error: 'name must be text: the record\'s file name without .md' }).check(
  z.minLength(1, { error: 'name must not be empty' }),
  z.maxLength(120, { error: 'name must be at most 120 characters' }),
  z.regex(RECORD_NAME_PATTERN, { error: 'name must be a record\'s file name without .md: letters, digits, dashes, dots and spaces, no path separators and no ".."' }),
  z.describe('The partnership record\'s name: its file name in the partnerships folder without .md (as list_partnerships gives it), such as "design-systems-guild".'),
);

export const date = z.string({ error: 'date must be text written YYYY-MM-DD' }).check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date must be written YYYY-MM-DD' }),
  z.describe('A date written YYYY-MM-DD.'),
);

const typeIds = PARTNERSHIP_TYPES.map((t) => t.id) as [PartnershipTypeId, ...PartnershipTypeId[]];
export const partnershipType = z.enum(typeIds, { error: `type must be one of ${typeIds.join(', ')}` });
export const stage = z.enum(STAGES as unknown as [Stage, ...Stage[]], { error: `stage must be one of ${STAGES.join(', ')}` });
const metricIds = SUCCESS_METRICS.map((m) => m.id) as [SuccessMetricId, ...SuccessMetricId[]];
export const metric = z.enum(metricIds, { error: `metric must be one of ${metricIds.join(', ')}` });
export const worthContinuing = z.enum(WORTH_CONTINUING as unknown as ['yes', 'no', 'unsure'], { error: `worthContinuing must be one of ${WORTH_CONTINUING.join(', ')}` });

export const score = z.int({ error: 'a score must be a whole number from 1 to 5' }).check(
  z.gte(1, { error: 'a score must be from 1 to 5' }),
  z.lte(5, { error: 'a score must be from 1 to 5' }),
);

export const scores = z.strictObject(
  Object.fromEntries(SCORECARD_CRITERIA.map((c) => [c.id, z.optional(score.check(z.describe(`${c.title} (${c.detail}), weight ${Math.round(c.weight * 100)}%`)))])) as Record<ScorecardCriterionId, z.ZodMiniOptional<typeof score>>,
  { error: `scores must be an object of criteria (${SCORECARD_CRITERIA.map((c) => c.id).join(', ')}) to whole numbers from 1 to 5` },
);

/** The first problem of a failed check, as one line: "stage: stage must be one of ...". */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => {
      const where = i.path.map(String).join('.');
      const unknownKeys = i.code === 'unrecognized_keys' ? `unknown field(s): ${(i as { keys?: string[] }).keys?.join(', ')}` : undefined;
      const message = unknownKeys ?? (i.message === 'Invalid input' && where ? `${where} is not valid` : i.message);
      return where && !message.startsWith(where.split('.').pop() ?? '') ? `${where}: ${message}` : message;
    })
    .join('; ');
}
