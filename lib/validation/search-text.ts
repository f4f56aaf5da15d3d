import { z } from "zod";

/*
 * Free text read from a URL (search boxes, list filters). Control characters — NUL above all,
 * which PostgreSQL refuses in text ("invalid byte sequence") — are removed so they never reach a
 * query; proxy.ts already answers 400 to such a URL, this is the second line. A first value is
 * taken when the parameter is repeated; blank or invalid means "no filter", never an error.
 */
const CONTROL = /[\u0000-\u001f\u007f]/g;

export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL, " ");
}

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export function searchTextParam(max: number) {
  return z.preprocess(
    (v) => {
      const first = firstValue(v);
      if (typeof first !== "string") return first;
      const clean = stripControlCharacters(first).trim();
      return clean === "" ? undefined : clean;
    },
    z.string().max(max).optional().catch(undefined),
  );
}
