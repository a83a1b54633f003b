// Field shapes shared by the staff schemas of several features (catalog, pricing, providers,
// orders, users): forms and query strings send text, and an empty field means "not given".
import { z } from "zod";

export const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Blank or absent → undefined; anything else must pass `schema`. */
export const optionalField = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** A query-string filter: a value that does not parse is ignored rather than failing the page. */
export const lenientFilter = <T extends z.ZodType>(schema: T) => optionalField(schema).catch(undefined);

/** A row id chosen in a form; the message names what to choose. */
export const chosenId = (what: string) => z.coerce.number({ error: `Choose a ${what}.` }).int().positive(`Choose a ${what}.`).max(2_147_483_647);

/** A list's page from the query string; anything unreadable is page 1. */
export const pageParam = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)).catch(1);

/** A yes/no filter select; anything else is no filter. */
export const yesNoFilter = optionalField(z.enum(["yes", "no"])).catch(undefined);

/** A hidden "true"/"false" form field; a boolean is accepted too, so a parsed input parses again. */
export const formFlag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** A ticked checkbox ("on"), "true", "1" or true: the admin confirms, e.g. selling below cost. */
export const confirmedBox = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean()).default(false);
