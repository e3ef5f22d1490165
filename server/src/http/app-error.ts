import type { Locale } from '@switchboard/shared';

export type Message = Record<Locale, string>;

/** One error a module can raise: its HTTP status and its message in both languages. */
export type ErrorSpec = { status: number; message: Message };

export type FieldError = { path: string; message: Message };

/**
 * The one error type modules throw. Each module declares its codes in a catalog
 * (`<module>.errors.ts`) and throws `new AppError(catalog.SOME_CODE)`; the HTTP mapper turns it
 * into a status and a message in the caller's language.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly localized: Message;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    spec: ErrorSpec & { code: string },
    opts: {
      params?: Record<string, string | number>;
      fields?: FieldError[];
      headers?: Record<string, string>;
    } = {},
  ) {
    const localized = {
      'zh-CN': fill(spec.message['zh-CN'], opts.params),
      'en-US': fill(spec.message['en-US'], opts.params),
    };
    super(localized['en-US']);
    this.code = spec.code;
    this.status = spec.status;
    this.localized = localized;
    this.fields = opts.fields;
    this.headers = opts.headers;
  }
}

function fill(template: string, params: Record<string, string | number> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** Declares a module's error catalog; each entry's key becomes its code. */
export function defineErrors<K extends string>(
  specs: Record<K, ErrorSpec>,
): Record<K, ErrorSpec & { code: K }> {
  const out = {} as Record<K, ErrorSpec & { code: K }>;
  for (const code of Object.keys(specs) as K[]) out[code] = { ...specs[code], code };
  return out;
}
