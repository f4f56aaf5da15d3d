import { z } from "zod";
import { checkbox, optionalText, recordId, requiredText } from "@/lib/validation/fields";

/** OPD form; field names follow the Opd model (name = nama, shortName = singkatan, code = kode). */
export const opdSchema = z.object({
  name: requiredText("Nama OPD", 150),
  shortName: requiredText("Singkatan", 20)
    .regex(/^[A-Z0-9]/, { error: "Singkatan diawali huruf kapital atau angka" })
    .regex(/^[A-Za-z0-9 .&/-]*$/, { error: "Singkatan hanya boleh berisi huruf, angka, spasi, titik, &, / atau -" }),
  code: optionalText("Kode", 30).pipe(
    z.string().regex(/^[A-Za-z0-9.-]+$/, { error: "Kode hanya boleh berisi huruf, angka, titik, atau tanda hubung" }).optional(),
  ),
  active: checkbox,
});

/** Editing: the same fields plus the OPD's id (hidden field). */
export const opdUpdateSchema = opdSchema.extend({ id: recordId });

export type OpdInput = z.output<typeof opdSchema>;
