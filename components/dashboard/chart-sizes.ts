// Heights of the dashboard's charts, shared by the charts (bar-chart.tsx, which imports recharts) and
// their placeholders (lazy-charts.tsx, which must not): the slot is reserved at its final size before
// recharts arrives, so nothing below it moves (no layout shift).

/** Horizontal bars: one 34 px row per category plus the axis, at least 120 px. */
export function horizontalBarsHeight(rows: number): number {
  return Math.max(120, rows * 34 + 32);
}

export const STACKED_COLUMNS_HEIGHT = 300;
