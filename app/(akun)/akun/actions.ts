"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { accountAction } from "@/lib/account/action";
import { changeOwnPassword } from "@/lib/account/password";
import { changePasswordSchema, proofSchema, totpCodeSchema } from "@/lib/account/schemas";
import {
  confirmEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  startEnrolment,
} from "@/lib/account/second-factor";
import { endOtherSessions } from "@/lib/account/sessions";
import { redirect } from "next/navigation";

/*
 * Actions of the account pages. Every one acts only on the signed-in user's own account (the
 * session decides whose; no id is taken from the form) and re-checks the session itself.
 */

export const changePasswordAction = accountAction({
  schema: changePasswordSchema,
  hideFields: ["currentPassword", "newPassword", "confirmPassword"],
  run: ({ session, data, request, now }) =>
    changeOwnPassword({ user: session.user, sessionId: session.sessionId, data, request, now }),
  onSuccess: () => {
    revalidatePath("/akun");
    redirect("/akun?tersimpan=sandi");
  },
});

export const startEnrolmentAction = accountAction({
  schema: z.object({}),
  run: ({ session, now }) => startEnrolment(session.user, now),
  onSuccess: () => {
    revalidatePath("/akun/verifikasi-dua-langkah");
  },
});

/** Returns the recovery codes in the reply (shown once): no revalidation, so the page keeps them on screen. */
export const confirmEnrolmentAction = accountAction({
  schema: totpCodeSchema,
  hideFields: ["code"],
  run: ({ session, data, now }) => confirmEnrolment(session.user, data.code, now),
});

export const regenerateRecoveryCodesAction = accountAction({
  schema: proofSchema,
  hideFields: ["proof"],
  run: ({ session, data, request, now }) => regenerateRecoveryCodes(session.user, data.proof, request, now),
});

export const disableSecondFactorAction = accountAction({
  schema: proofSchema,
  hideFields: ["proof"],
  run: ({ session, data, request, now }) => disableSecondFactor(session.user, session.sessionId, data.proof, request, now),
  onSuccess: () => {
    revalidatePath("/akun");
    redirect("/akun/verifikasi-dua-langkah?nonaktif=1");
  },
});

export const endOtherSessionsAction = accountAction({
  schema: z.object({}),
  run: ({ session, now }) => endOtherSessions(session.user.id, session.sessionId, now),
  onSuccess: () => {
    revalidatePath("/akun");
    redirect("/akun?tersimpan=sesi");
  },
});
