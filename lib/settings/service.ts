import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Settings } from "./defaults";
import { loadSettings } from "./load";

/** Effective settings, once per request (pages). Services call loadSettings() directly. */
export const getSettings = cache(async (): Promise<Settings> => loadSettings(getDb()));
