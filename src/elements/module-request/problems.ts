import { isMobiliseError } from '../../client/errors.js';
import { ModuleRequestSchema, type ModuleRequestInput } from '../../contract/module-request.js';
import type { RequestWords } from './words.js';

/** The form's questions, in page order (the error summary lists them so). */
export const FIELDS = ['moduleId', 'area', 'email', 'consent'] as const;
export type Field = (typeof FIELDS)[number];
export type FieldErrors = Partial<Record<Field, string>>;

/** What went wrong: per question, and/or one notice by the button. Pure, so the rules are tested without a DOM. */
export interface Problems {
  fields: FieldErrors;
  notice?: string;
}

const isField = (name: unknown): name is Field => FIELDS.includes(name as Field);

/** Field errors (server's or zod-lite's) in the page's words: the server's messages are English. */
function inWords(names: unknown[], t: RequestWords): Problems {
  const problems: Problems = { fields: {} };
  for (const name of names) {
    if (isField(name)) problems.fields[name] = t.errors[name];
    // Anything else (returnUrl: the page asked from is not one this server serves) is no question here.
    else problems.notice = t.refused;
  }
  return problems;
}

/** The same rules as the server's (the contract), before anything is sent. */
export function check(body: ModuleRequestInput, t: RequestWords): Problems | undefined {
  const parsed = ModuleRequestSchema.safeParse(body);
  return parsed.success ? undefined : inWords(parsed.error.issues.map((i) => i.path[0]), t);
}

/** A failed POST in words: nothing is lost, so each says what to do next. */
export function problemsOf(error: unknown, t: RequestWords): Problems {
  if (!isMobiliseError(error)) return { fields: {}, notice: t.failed };
  const problem = error.problem;
  if (problem?.errors?.length) return inWords(problem.errors.map((e) => e.field), t);
  if (error.status === 404) return { fields: { moduleId: t.unknownModule } };
  if (error.status === 403) return { fields: {}, notice: t.refused };
  if (error.status === 429) return { fields: {}, notice: t.busy };
  if (error.kind === 'network' || error.kind === 'timeout') return { fields: {}, notice: t.offline };
  return { fields: {}, notice: t.failed };
}
