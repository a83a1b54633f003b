"use client";
// Sign out through next-auth's client, loaded when pressed: it would otherwise be part of every
// signed-in page's first load for a button pressed once a session.
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/sign-in" });
      }}
      className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
    >
      Sign out
    </button>
  );
}
