// Heights of the dashboard's charts (bar-chart.tsx). Their placeholders in lazy-charts.tsx reserve the
// same heights with classes (34 px rows, a 32 px axis, 120 px minimum; 300 px), so nothing below a
// chart moves when recharts arrives: change both together.

/** Horizontal bars: one 34 px row per category plus the axis, at least 120 px. */
export function horizontalBarsHeight(rows: number): number {
  return Math.max(120, rows * 34 + 32);
}

export const STACKED_COLUMNS_HEIGHT = 300;
