import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  formatNip,
  formatRupiah,
  formatTanggal,
  formatTanggalWaktu,
  formatWaktu,
  hariMenuju,
  isValidNip,
  parseNip,
} from "@/lib/format";

const NBSP = "\u00a0";

describe("formatTanggal", () => {
  it("writes the date in Indonesian in the region's zone", () => {
    expect(formatTanggal(new Date("2023-11-21T03:30:00Z"))).toBe("21 November 2023");
    expect(formatTanggal("2024-01-05T00:00:00Z")).toBe("5 Januari 2024");
    expect(formatTanggal(new Date("2024-08-17T10:00:00Z"), "Asia/Makassar")).toBe("17 Agustus 2024");
  });

  it("uses the region's date, not UTC's, near midnight", () => {
    const instant = new Date("2023-11-20T17:30:00Z"); // 00.30 WIB on the 21st
    expect(formatTanggal(instant)).toBe("21 November 2023");
    expect(formatTanggal(instant, "UTC")).toBe("20 November 2023");
    expect(formatTanggal(new Date("2023-11-20T16:59:00Z"))).toBe("20 November 2023");
    expect(formatTanggal(new Date("2023-11-20T15:00:00Z"), "Asia/Jayapura")).toBe("21 November 2023");
  });

  it("names every month in Indonesian", () => {
    const names = Array.from({ length: 12 }, (_, m) => formatTanggal(new Date(Date.UTC(2024, m, 15, 5))));
    expect(names.map((s) => s.split(" ")[1])).toEqual([
      "Januari", "Februari", "Maret", "April", "Mei", "Juni",
      "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ]);
  });

  it("rejects an invalid date instead of printing 'Invalid Date'", () => {
    expect(() => formatTanggal("bukan tanggal")).toThrow(RangeError);
  });
});

describe("formatWaktu / formatTanggalWaktu", () => {
  const instant = new Date("2023-11-21T03:30:00Z");

  it("uses a period separator, 24-hour clock and the zone abbreviation", () => {
    expect(formatWaktu(instant)).toBe("10.30 WIB");
    expect(formatWaktu(instant, "Asia/Jakarta")).toBe("10.30 WIB");
    expect(formatWaktu(instant, "Asia/Pontianak")).toBe("10.30 WIB");
    expect(formatWaktu(instant, "Asia/Makassar")).toBe("11.30 WITA");
    expect(formatWaktu(instant, "Asia/Jayapura")).toBe("12.30 WIT");
    expect(formatWaktu(new Date("2023-11-21T12:05:00Z"))).toBe("19.05 WIB");
    expect(formatWaktu(new Date("2023-11-20T17:00:00Z"))).toBe("00.00 WIB");
  });

  it("falls back to Intl's name for zones outside Indonesia", () => {
    expect(formatWaktu(instant, "UTC")).toBe("03.30 UTC");
  });

  it("joins date and time with 'pukul'", () => {
    expect(formatTanggalWaktu(instant)).toBe("21 November 2023 pukul 10.30 WIB");
    expect(formatTanggalWaktu(new Date("2023-11-20T17:30:00Z"))).toBe("21 November 2023 pukul 00.30 WIB");
    expect(formatTanggalWaktu(new Date("2023-12-31T16:00:00Z"), "Asia/Jayapura")).toBe("1 Januari 2024 pukul 01.00 WIT");
  });
});

describe("formatRupiah", () => {
  it("formats with dots for thousands and U+00A0 after Rp", () => {
    expect(formatRupiah(1_500_000)).toBe(`Rp${NBSP}1.500.000`);
    expect(formatRupiah(1_500_000)).not.toContain(" ");
    expect(formatRupiah(0)).toBe(`Rp${NBSP}0`);
    expect(formatRupiah(999)).toBe(`Rp${NBSP}999`);
  });

  it("accepts bigint and decimal strings without losing precision", () => {
    expect(formatRupiah(12_345_678_901_234_567_890n)).toBe(`Rp${NBSP}12.345.678.901.234.567.890`);
    expect(formatRupiah("2500000000000.00")).toBe(`Rp${NBSP}2.500.000.000.000`);
    expect(formatRupiah("9007199254740993")).toBe(`Rp${NBSP}9.007.199.254.740.993`);
    expect(formatRupiah(" 750000 ")).toBe(`Rp${NBSP}750.000`);
  });

  it("shows sen only when there are any", () => {
    expect(formatRupiah("1500000.50")).toBe(`Rp${NBSP}1.500.000,50`);
    expect(formatRupiah(1250.5)).toBe(`Rp${NBSP}1.250,50`);
    expect(formatRupiah("1500000.0")).toBe(`Rp${NBSP}1.500.000`);
  });

  it("puts the minus sign before Rp", () => {
    expect(formatRupiah(-1_500_000)).toBe(`-Rp${NBSP}1.500.000`);
    expect(formatRupiah("-2000")).toBe(`-Rp${NBSP}2.000`);
  });

  it("refuses values that are not amounts", () => {
    for (const bad of ["", "abc", "1,5", "1e6", "Rp 1.000"]) expect(() => formatRupiah(bad)).toThrow(RangeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("always yields exactly one NBSP and digits grouped by three", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (n) => {
        const s = formatRupiah(n);
        expect(s).toMatch(/^Rp\u00a0\d{1,3}(\.\d{3})*$/);
        expect(s.slice(3).replaceAll(".", "")).toBe(n.toString());
      }),
    );
  });
});

describe("NIP", () => {
  const now = new Date("2024-06-01T00:00:00Z");

  it("parses a valid NIP into its parts", () => {
    expect(parseNip("198503122010011003", now)).toEqual({
      ok: true,
      nip: "198503122010011003",
      tanggalLahir: { year: 1985, month: 3, day: 12 },
      tmt: { year: 2010, month: 1 },
      jenisKelamin: "L",
      nomorUrut: 3,
    });
    const p = parseNip("19900229 201503 2 001", now); // 1990 is not a leap year
    expect(p.ok).toBe(false);
    const q = parseNip("19920229 201503 2 001", now);
    expect(q).toMatchObject({ ok: true, jenisKelamin: "P", tanggalLahir: { year: 1992, month: 2, day: 29 } });
  });

  it.each([
    ["19850312201001100", "NIP harus terdiri atas 18 angka"],
    ["1985031220100110031", "NIP harus terdiri atas 18 angka"],
    ["19850312201001100A", "NIP harus terdiri atas 18 angka"],
    ["198502302010011003", "Tanggal lahir pada NIP (8 angka pertama) tidak valid"],
    ["198513122010011003", "Tanggal lahir pada NIP (8 angka pertama) tidak valid"],
    ["188503122010011003", "Tanggal lahir pada NIP (8 angka pertama) tidak valid"],
    ["198503122010131003", "TMT pada NIP (angka ke-9 s.d. ke-14) tidak valid"],
    ["198503122010001003", "TMT pada NIP (angka ke-9 s.d. ke-14) tidak valid"],
    ["198503122030011003", "TMT pada NIP (angka ke-9 s.d. ke-14) tidak valid"],
    ["200001012010011003", "TMT pada NIP harus sekurang-kurangnya 18 tahun setelah tanggal lahir"],
    ["198503122010013003", "Angka jenis kelamin pada NIP (angka ke-15) harus 1 atau 2"],
    ["198503122010010003", "Angka jenis kelamin pada NIP (angka ke-15) harus 1 atau 2"],
    ["198503122010011000", "Nomor urut pada NIP (3 angka terakhir) tidak boleh 000"],
  ])("rejects %s: %s", (nip, error) => {
    expect(parseNip(nip, now)).toEqual({ ok: false, error });
    expect(isValidNip(nip, now)).toBe(false);
  });

  it("applies the 18-year rule at month precision", () => {
    expect(isValidNip("199205202010051001", now)).toBe(true);
    expect(isValidNip("199205202010041001", now)).toBe(false);
  });

  it("formats as printed on an SK, leaving non-NIP input alone", () => {
    expect(formatNip("198503122010011003")).toBe("19850312 201001 1 003");
    expect(formatNip(" 19850312 201001 1 003 ")).toBe("19850312 201001 1 003");
    expect(formatNip("12345")).toBe("12345");
  });
});

describe("hariMenuju", () => {
  it("counts calendar days in the region's zone", () => {
    const end = new Date("2024-12-31T00:00:00Z"); // a @db.Date value
    expect(hariMenuju(end, new Date("2024-12-31T16:59:00Z"))).toBe(0); // 23.59 WIB
    expect(hariMenuju(end, new Date("2024-12-31T17:00:00Z"))).toBe(-1); // 00.00 WIB on 1 January
    expect(hariMenuju(end, new Date("2024-12-30T17:30:00Z"))).toBe(0);
    expect(hariMenuju(end, new Date("2024-12-30T16:30:00Z"))).toBe(1);
  });

  it("decides 'today' by the configured zone", () => {
    const now = new Date("2024-12-31T15:30:00Z"); // 22.30 WIB, 23.30 WITA, 00.30 WIT next day
    expect(hariMenuju("2024-12-31", now, "Asia/Jakarta")).toBe(0);
    expect(hariMenuju("2024-12-31", now, "Asia/Makassar")).toBe(0);
    expect(hariMenuju("2024-12-31", now, "Asia/Jayapura")).toBe(-1);
    expect(hariMenuju("2025-01-01", new Date("2024-12-31T17:30:00Z"), "UTC")).toBe(1);
  });

  it("gives the reminder offsets exactly", () => {
    const now = new Date("2024-12-31T03:00:00Z");
    expect(hariMenuju("2025-03-31", now)).toBe(90);
    expect(hariMenuju("2025-06-29", now)).toBe(180);
    expect(hariMenuju("2025-01-07", now)).toBe(7);
    expect(hariMenuju("2024-03-01", new Date("2024-02-28T05:00:00Z"))).toBe(2);
  });
});
