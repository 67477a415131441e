import { SignupRequestSchema, type Membership, type Problem, type SignupInput, type SignupRequest } from '../../contract/index.js';
import { strings } from '../../strings/current.js';

/** Visible fields, in form order: the error summary lists problems in this order. */
export const FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'postcode',
  'membership',
  'clp',
  'accessNeeds',
  'consentContact',
] as const;
export type FormField = (typeof FIELDS)[number];

/** What the member has typed; the model survives re-renders (e.g. while the session reloads). */
export interface FormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  postcode: string;
  membership: Membership | '';
  clp: string;
  accessNeeds: string;
  consentContact: boolean;
  consentMarketing: boolean;
  /** Honeypot. */
  website: string;
}

export const emptyValues = (): FormValues => ({
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  postcode: '',
  membership: '',
  clp: '',
  accessNeeds: '',
  consentContact: false,
  consentMarketing: false,
  website: '',
});

export type FieldErrors = Partial<Record<FormField, string>>;

/** Field errors plus messages that belong to no visible field (shown in the summary only). */
export interface Problems {
  fields: FieldErrors;
  general: string[];
}

export type Validation = { ok: true; request: SignupRequest } | { ok: false; problems: Problems };

const isField = (name: string): name is FormField => (FIELDS as readonly string[]).includes(name);

/** Server paths may be `email`, `/email` (JSON pointer) or `body.email`: the last segment names the field. */
export function fieldOf(path: string | readonly PropertyKey[]): FormField | undefined {
  const last = String((typeof path === 'string' ? path.split(/[./]/).filter(Boolean) : path).at(-1));
  return isField(last) ? last : undefined;
}

/** Collect the first message per field; anything without a visible field goes to `general`. */
export function collect(entries: readonly { path: string | readonly PropertyKey[]; message: string }[]): Problems {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const { path, message } of entries) {
    const field = fieldOf(path);
    if (field) fields[field] ??= message;
    else if (!general.includes(message)) general.push(message);
  }
  return { fields, general };
}

/** A 422 problem's `errors` mapped onto the form; falls back to its detail/title. */
export function problemToProblems(problem: Problem): Problems {
  // A blank message would leave the member with an empty summary (or none): skip it and fall back.
  const mapped = collect((problem.errors ?? []).filter((e) => e.message.trim()).map((e) => ({ path: e.field, message: e.message })));
  if (!Object.keys(mapped.fields).length && !mapped.general.length) {
    mapped.general.push(problem.detail?.trim() || problem.title.trim() || strings.signup.failed);
  }
  return mapped;
}

/** Optional text is sent only when given, so the body carries no empty strings. */
const optional = (v: string) => v.trim() || undefined;

/** The request body before validation. */
export function toInput(values: FormValues, sessionId: string, idempotencyKey: string, privacyUrl?: string, locale?: string): SignupInput {
  return {
    ...values,
    sessionId,
    phone: optional(values.phone),
    postcode: values.postcode.trim().toUpperCase(),
    membership: (values.membership || undefined) as Membership,
    clp: optional(values.clp),
    accessNeeds: optional(values.accessNeeds),
    consentContact: values.consentContact as true,
    idempotencyKey,
    // The emailed links come back to this page; the query and fragment are nobody's business.
    returnUrl: location.origin + location.pathname,
    ...(privacyUrl ? { privacyUrl } : {}),
    // The member's emails come in the page's language.
    locale,
  };
}

/**
 * Validate with the shared contract, so the member sees the server's words.
 * The honeypot is not judged here: a person whose browser filled it could not
 * see or fix it, so it is sent as typed and the server decides.
 */
export function validate(values: FormValues, sessionId: string, idempotencyKey: string, privacyUrl?: string, locale?: string): Validation {
  const input = toInput(values, sessionId, idempotencyKey, privacyUrl, locale);
  const result = SignupRequestSchema.safeParse({ ...input, website: '' });
  if (result.success) return { ok: true, request: { ...result.data, website: values.website } };
  return { ok: false, problems: collect(result.error.issues) };
}

/** The messages in form order, then general ones, for the error summary. */
export function summaryEntries(problems: Problems): { field?: FormField; message: string }[] {
  return [
    ...FIELDS.filter((f) => problems.fields[f]).map((field) => ({ field, message: problems.fields[field]! })),
    ...problems.general.map((message) => ({ message })),
  ];
}
