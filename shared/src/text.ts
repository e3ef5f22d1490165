import { z } from 'zod';

// Strings from the outside: trimmed, bounded, no control characters. Stored as given otherwise:
// SQL is always parameterized and the UI escapes on output, so `<b>` or `'; DROP` is just text.
// Message strings here are hint keys; the server turns them into zh-CN / en-US text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), 'no_control_chars');
}

export const codeText = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, 'code_format');
export const phoneText = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{2,30}$/, 'phone_format');
export const accessCodeText = z
  .string()
  .trim()
  .regex(/^[0-9]{3,20}$/, 'access_code_format');
export const extensionText = z
  .string()
  .trim()
  .regex(/^[0-9]{2,10}$/, 'extension_format');

export const idParamSchema = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const idSchema = z.number().int().min(1).max(2_147_483_647);

/** An ISO date-time (or date) in a query string. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .transform((s) => new Date(s));

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
