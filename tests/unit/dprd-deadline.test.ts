import { describe, expect, it } from "vitest";
import { dprdDeadline } from "@/lib/cases/dprd-deadline";

const entered = new Date("2026-03-01T20:00:00Z"); // 2 March 2026, 03.00 WIB

describe("DPRD answer deadline (settings.dprdResponseDays)", () => {
  it("none by default, and only while waiting for the DPRD", () => {
    expect(dprdDeadline({ stage: "PERSETUJUAN_DPRD", stageEnteredAt: entered }, null, entered, "Asia/Jakarta")).toBeNull();
    expect(dprdDeadline({ stage: "PENYUSUNAN_PKS", stageEnteredAt: entered }, 45, entered, "Asia/Jakarta")).toBeNull();
  });

  it("counts calendar days from the day the case reached the DPRD, in the region's zone", () => {
    const at = (iso: string) => dprdDeadline({ stage: "ADENDUM_DPRD", stageEnteredAt: entered }, 45, new Date(iso), "Asia/Jakarta");
    expect(at("2026-04-16T10:00:00Z")).toEqual({ due: new Date("2026-04-16T00:00:00Z"), passed: false });
    expect(at("2026-04-16T17:30:00Z")).toEqual({ due: new Date("2026-04-16T00:00:00Z"), passed: true }); // 17 April 00.30 WIB
  });
});
