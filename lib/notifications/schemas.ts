import { z } from "zod";
import { checkbox, recordId } from "@/lib/validation/fields";
import { NOTIFICATION_KINDS } from "./kinds";

/** "Tandai dibaca" on one notification. */
export const markReadSchema = z.object({ id: recordId });

/** "Tandai semua dibaca": nothing to send but the intent. */
export const markAllReadSchema = z.object({});

/** Akun Saya → Notifikasi e-mail: one checkbox per kind (ticked = send me this by e-mail). */
export const emailPreferencesSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, checkbox])) as Record<(typeof NOTIFICATION_KINDS)[number], typeof checkbox>,
);
