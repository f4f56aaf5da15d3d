import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";

export default async function Root() {
  redirect((await getCurrentUser()) ? "/beranda" : "/login");
}
