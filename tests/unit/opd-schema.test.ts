import { describe, expect, it } from "vitest";
import { formConstraints } from "@/lib/forms/constraints";
import { opdSchema, opdUpdateSchema } from "@/lib/opd/schemas";
import { submitForm } from "../support/forms";

describe("OPD form schema (parsed as the form action parses it)", () => {
  const opd = { name: "Dinas Komunikasi dan Informatika", shortName: "DISKOMINFO", code: "2.16.0.00", active: "on" };

  it("accepts a valid OPD; a blank kode is absent; an unticked checkbox is inactive", () => {
    expect(submitForm(opdSchema, { ...opd, code: "", active: undefined }).value).toEqual({
      name: "Dinas Komunikasi dan Informatika", shortName: "DISKOMINFO", code: undefined, active: false,
    });
    expect(submitForm(opdSchema, { ...opd, shortName: "Bappeda" }).ok).toBe(true);
  });

  it.each([
    ["name", "", "Nama OPD wajib diisi"],
    ["name", "D".repeat(151), "Nama OPD maksimal 150 karakter"],
    ["name", "Dinas\u0000Kesehatan", "Nama OPD memuat karakter yang tidak diizinkan"],
    ["shortName", " ", "Singkatan wajib diisi"],
    ["shortName", "S".repeat(21), "Singkatan maksimal 20 karakter"],
    ["shortName", "diskominfo", "Singkatan diawali huruf kapital atau angka"],
    ["shortName", "DINAS_PU", "Singkatan hanya boleh berisi huruf, angka, spasi, titik, &, / atau -"],
    ["code", "1".repeat(31), "Kode maksimal 30 karakter"],
    ["code", "2 16", "Kode hanya boleh berisi huruf, angka, titik, atau tanda hubung"],
  ])("%s = %j → %s", (field, value, message) => {
    expect(submitForm(opdSchema, { ...opd, [field]: value }).first[field]).toBe(message);
  });

  it("reports every invalid field at once", () => {
    const { first } = submitForm(opdSchema, { name: "", shortName: "x_y", code: "a b" });
    expect(Object.keys(first).sort()).toEqual(["code", "name", "shortName"]);
  });

  it("gives the controls their constraints from the schema", () => {
    const c = formConstraints(opdUpdateSchema);
    expect(c.name).toMatchObject({ required: true, maxLength: 150 });
    expect(c.shortName).toMatchObject({ required: true, maxLength: 20 });
    expect(c.code).toMatchObject({ required: false, maxLength: 30 });
    expect(c.id).toMatchObject({ required: true });
  });
});
