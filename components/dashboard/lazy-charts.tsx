"use client";
// recharts is fetched only when a dashboard chart is on screen (its own chunk), never by other pages.
import dynamic from "next/dynamic";

const placeholder = () => <div className="h-40 animate-pulse rounded-md bg-slate-100" />;

export const HorizontalBars = dynamic(() => import("./bar-chart").then((m) => m.HorizontalBars), { ssr: false, loading: placeholder });
export const StackedColumns = dynamic(() => import("./bar-chart").then((m) => m.StackedColumns), { ssr: false, loading: placeholder });
