"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/forms/action";
import { markAllReadSchema, markReadSchema } from "@/lib/notifications/schemas";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/service";

/*
 * Actions of /notifikasi (lib/forms/action.ts): only the signed-in user's own notifications — the
 * service looks the id up among the actor's rows, another user's is "not found".
 */

export const markReadAction = formAction({
  schema: markReadSchema,
  permission: "notification.manage",
  run: ({ actor, now, data }) => markNotificationRead({ actor, now, id: data.id }),
  onSuccess: () => revalidatePath("/notifikasi"),
});

export const markAllReadAction = formAction({
  schema: markAllReadSchema,
  permission: "notification.manage",
  run: ({ actor, now }) => markAllNotificationsRead({ actor, now }),
  onSuccess: () => revalidatePath("/notifikasi"),
});
