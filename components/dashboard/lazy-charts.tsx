"use client";
// recharts (≈120 kB gzip with its store and scales, its own chunk) is loaded on /dasbor alone, and
// only after the page has painted: a chart's slot asks for it once the slot is near the screen, the
// page has finished loading and the browser is idle; then the charts mount one per idle period (all
// at once were one 200 ms task). Until then the slot keeps the chart's final height (no layout
// shift). The numbers never wait for it: every chart has its data table beside it
// (components/dashboard/breakdown-table.tsx), in the server-rendered HTML.
import { startTransition, useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import type { HorizontalBars as HorizontalBarsChart, StackedColumns as StackedColumnsChart } from "./bar-chart";

type Charts = typeof import("./bar-chart");

let charts: Promise<Charts> | null = null;
const loadCharts = () => (charts ??= import("./bar-chart"));

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
};

function idle(): Promise<void> {
  const w = window as IdleWindow;
  return new Promise((resolve) => {
    if (w.requestIdleCallback) w.requestIdleCallback(() => resolve(), { timeout: 3000 });
    else window.setTimeout(resolve, 200);
  });
}

/** Charts mount one after another, each in an idle period of its own. */
let queue: Promise<void> = Promise.resolve();
function inTurn(mount: () => void): void {
  queue = queue.then(idle).then(mount, mount);
}

/** The chart module once the element has been within 200 px of the viewport, after the page's load. */
function useChartsWhenSeen(ref: React.RefObject<HTMLElement | null>): Charts | null {
  const [loaded, setLoaded] = useState<Charts | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let live = true;
    const start = () =>
      loadCharts().then(
        (m) => inTurn(() => live && startTransition(() => setLoaded(m))),
        () => {}, // offline or a failed chunk: the table beside the chart still has every number
      );
    const afterLoad = () => {
      if (document.readyState === "complete") void idle().then(start);
      else window.addEventListener("load", () => void idle().then(start), { once: true });
    };
    if (typeof IntersectionObserver === "undefined") {
      afterLoad();
      return () => {
        live = false;
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        afterLoad();
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [ref]);
  return loaded;
}

/**
 * The chart's slot at its final height, a quiet placeholder until the chart is there. The height
 * comes from classes, not a style attribute: the Content-Security-Policy (lib/http/csp.ts) ignores
 * inline style attributes in the server's HTML, so `style={{ minHeight }}` would apply only after
 * hydration and the tables below would jump. Bars: one 34 px row per category plus a 32 px axis, at
 * least 120 px; columns: 300 px (the sizes of chart-sizes.ts).
 */
function ChartSlot({ rows, render }: { rows: number | null; render: (charts: Charts) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const loaded = useChartsWhenSeen(ref);
  return (
    <div ref={ref} data-chart-slot="" className={rows === null ? "min-h-[300px]" : "min-h-[120px]"}>
      {loaded ? (
        render(loaded)
      ) : rows === null ? (
        <div className="h-[300px] rounded-md bg-slate-50" />
      ) : (
        <div className="rounded-md bg-slate-50">
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="h-[34px]" />
          ))}
          <div className="h-8" />
        </div>
      )}
    </div>
  );
}

export function HorizontalBars(props: ComponentProps<typeof HorizontalBarsChart>) {
  return <ChartSlot rows={props.data.length} render={(c) => <c.HorizontalBars {...props} />} />;
}

export function StackedColumns(props: ComponentProps<typeof StackedColumnsChart>) {
  return <ChartSlot rows={null} render={(c) => <c.StackedColumns {...props} />} />;
}
