import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  currentBlock,
  README_PATH,
  replaceBlock,
  stageDiagramMarkdown,
} from "@/scripts/stage-diagram";
import { TRANSITIONS } from "@/lib/workflow";

describe("README stage diagram (generated from the transition table)", () => {
  it("README.md's stage-diagram block equals the freshly generated text", () => {
    const readme = readFileSync(README_PATH, "utf8");
    const block = currentBlock(readme);
    expect(block, "README.md lacks the <!-- stage-diagram:start/end --> markers").not.toBeNull();
    expect(block, "The stage diagram in README.md is stale: run `npx tsx scripts/stage-diagram.ts --write`")
      .toBe(stageDiagramMarkdown());
  });

  it("shows every transition row as an edge of its jenis group", () => {
    const md = stageDiagramMarkdown();
    for (const t of TRANSITIONS) {
      const to = t.to === "DPRD_IF_REQUIRED_ELSE_PKS" ? "PERSETUJUAN_DPRD" : t.to === "DPRD_IF_REQUIRED_ELSE_ADENDUM_SIGNING" ? "ADENDUM_DPRD" : t.to;
      expect(md, `${t.from} ${t.event}`).toMatch(new RegExp(`${t.from} --> ${to} : [^\\n]*\\b${t.event}\\b`));
    }
    // Three jenis groups and the adendum diagram (the same for every jenis).
    expect((md.match(/```mermaid\nstateDiagram-v2/g) ?? []).length).toBe(4);
  });

  it("--write replaces only the block between the markers", () => {
    const readme = "# X\n\nintro\n<!-- stage-diagram:start -->\nold\n<!-- stage-diagram:end -->\n\n## Next\n";
    const next = replaceBlock(readme, "NEW");
    expect(next).toBe("# X\n\nintro\n<!-- stage-diagram:start -->\nNEW\n<!-- stage-diagram:end -->\n\n## Next\n");
    expect(currentBlock(next)).toBe("NEW");
    expect(() => replaceBlock("# no markers", "NEW")).toThrow(/stage-diagram:start/);
  });
});
