"use client";
// recharts (≈120 kB gzip with its store and scales, its own chunk) is loaded on /dasbor alone, and
// only after the page has painted: a chart's slot asks for it once the slot is near the screen, the
// page has finished loading and the browser is idle. Until then the slot keeps the chart's final
// height (no layout shift). The numbers never wait for it: every chart has its data table beside it
// (components/dashboard/breakdown-table.tsx), in the server-rendered HTML.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import { horizontalBarsHeight, STACKED_COLUMNS_HEIGHT } from "./chart-sizes";

const Bars = dynamic(() => import("./bar-chart").then((m) => m.HorizontalBars), { ssr: false, loading: () => null });
const Columns = dynamic(() => import("./bar-chart").then((m) => m.StackedColumns), { ssr: false, loading: () => null });

type IdleWindow = Window & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** True once the element is within 200 px of the viewport, the page has loaded and the browser is idle. */
function useReadyWhenSeen(ref: React.RefObject<HTMLElement | null>): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const w = window as IdleWindow;
    let idleHandle: number | undefined;
    let timer: number | undefined;
    const whenIdle = () => {
      if (w.requestIdleCallback) idleHandle = w.requestIdleCallback(() => setReady(true), { timeout: 3000 });
      else timer = window.setTimeout(() => setReady(true), 300);
    };
    const afterLoad = () => {
      if (document.readyState === "complete") whenIdle();
      else window.addEventListener("load", whenIdle, { once: true });
    };
    if (typeof IntersectionObserver === "undefined") {
      afterLoad();
    } else {
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
        observer.disconnect();
        window.removeEventListener("load", whenIdle);
        if (idleHandle !== undefined) w.cancelIdleCallback?.(idleHandle);
        if (timer !== undefined) window.clearTimeout(timer);
      };
    }
    return () => {
      window.removeEventListener("load", whenIdle);
      if (idleHandle !== undefined) w.cancelIdleCallback?.(idleHandle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [ref]);
  return ready;
}

/** The chart's slot at its final height: a quiet placeholder until the chart may load. */
function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const ready = useReadyWhenSeen(ref);
  return (
    <div ref={ref} data-chart-slot="" style={{ minHeight: height }} className={ready ? undefined : "rounded-md bg-slate-50"}>
      {ready ? children : null}
    </div>
  );
}

export function HorizontalBars(props: ComponentProps<typeof Bars>) {
  return (
    <ChartSlot height={horizontalBarsHeight(props.data.length)}>
      <Bars {...props} />
    </ChartSlot>
  );
}

export function StackedColumns(props: ComponentProps<typeof Columns>) {
  return (
    <ChartSlot height={STACKED_COLUMNS_HEIGHT}>
      <Columns {...props} />
    </ChartSlot>
  );
}
