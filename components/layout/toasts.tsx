"use client";
// Toasts (sonner) without making every page download them: the shell holds an empty place, and
// sonner's Toaster is loaded and mounted the first time something may toast (prepareToasts, e.g.
// when a confirmation dialog opens, so that its live region exists before the message arrives).
// notify() waits until the Toaster has mounted and subscribed: a toast is never lost.
import { useEffect, useState } from "react";

type Sonner = typeof import("sonner");

let loading: Promise<Sonner> | null = null;
let mounted: Promise<void> | null = null;
let markMounted: () => void = () => {};
const mountRequests = new Set<() => void>();

/** Loads sonner and mounts the Toaster (once); resolves when toasts can be shown. */
export function prepareToasts(): Promise<Sonner> {
  if (!loading) {
    loading = import("sonner");
    mounted = new Promise((resolve) => (markMounted = resolve));
    for (const request of mountRequests) request();
  }
  return Promise.all([loading, mounted]).then(([sonner]) => sonner);
}

export async function notify(kind: "success" | "error", message: string): Promise<void> {
  const { toast } = await prepareToasts();
  toast[kind](message);
}

/** After the Toaster: its effects (the subscription) have run when this one's runs. */
function Mounted() {
  useEffect(() => {
    markMounted();
    // Another shell (staff ↔ customer pages) mounts its own Toaster: wait for that one.
    return () => void (mounted = new Promise((resolve) => (markMounted = resolve)));
  }, []);
  return null;
}

export function LazyToaster() {
  const [sonner, setSonner] = useState<Sonner | null>(null);
  useEffect(() => {
    let live = true;
    const mount = () => void loading?.then((loaded) => live && setSonner(() => loaded));
    if (loading) mount();
    else mountRequests.add(mount);
    return () => {
      live = false;
      mountRequests.delete(mount);
    };
  }, []);
  if (!sonner) return null;
  return (
    <>
      <sonner.Toaster richColors closeButton position="top-right" />
      <Mounted />
    </>
  );
}
