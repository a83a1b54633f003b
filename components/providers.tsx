"use client";
// What every page shares on the client: one TanStack Query cache (live order lists, the service
// picker). No next-auth SessionProvider: nothing reads the session on the client (the server
// checks it on every request), and it cost a /api/auth/session request and its code on each page.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }));
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
