"use client";
// The dashboard's charts (recharts). Imported only through lazy-charts.tsx, so recharts is loaded
// on /dasbor alone, after the page has painted. The SVG is hidden from assistive technology: the data table beside each chart
// (components/dashboard/breakdown-table.tsx) carries the same numbers, in text, with links.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { horizontalBarsHeight, STACKED_COLUMNS_HEIGHT } from "./chart-sizes";

export type BarDatum = { label: string; value: number; color: string };

/** Horizontal bars, one per category, the number written at the end of each bar. */
export function HorizontalBars({ data, labelWidth = 150 }: { data: BarDatum[]; labelWidth?: number }) {
  const height = horizontalBarsHeight(data.length);
  return (
    <div aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#475569", fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={{ fill: "#1e293b", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [String(v), "Jumlah"]} isAnimationActive={false} />
          <Bar dataKey="value" isAnimationActive={false} radius={[0, 3, 3, 0]} maxBarSize={26}>
            {data.map((d) => <Cell key={d.label} fill={d.color} />)}
            <LabelList dataKey="value" position="right" fill="#0f172a" fontSize={12} fontWeight={600} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type StackSeries = { key: string; label: string; color: string };

/** One column per year ("2025 · 7": the total under it), stacked by series. */
export function StackedColumns({ rows, series }: { rows: Record<string, number | string>[]; series: StackSeries[] }) {
  return (
    <div aria-hidden="true" style={{ height: STACKED_COLUMNS_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="year" tick={{ fill: "#1e293b", fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fill: "#475569", fontSize: 12 }} width={36} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} isAnimationActive={false} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="kelas" fill={s.color} stroke="#ffffff" strokeWidth={1}
              isAnimationActive={false} maxBarSize={72} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
