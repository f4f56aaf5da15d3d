"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { emailPreferencesSchema } from "@/lib/notifications/schemas";
import { setEmailPreferences } from "@/lib/notifications/service";

/** Akun Saya → Notifikasi e-mail: the signed-in user's own choice (no user id is taken from the form). */
export const setEmailPreferencesAction = formAction({
  schema: emailPreferencesSchema,
  permission: "notification.manage",
  run: ({ actor, now, data }) => setEmailPreferences({ actor, now, wanted: data }),
  onSuccess: () => {
    revalidatePath("/akun");
    redirect("/akun?tersimpan=email");
  },
});
