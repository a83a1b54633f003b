import { redirect } from "next/navigation";
import { getSessionUser, isStaff } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  redirect(isStaff(user) ? "/admin" : "/dashboard");
}
