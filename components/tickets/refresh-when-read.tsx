"use client";
// The header's unread count is rendered beside the ticket page, possibly before the page marked
// the answer read; once it has, one refresh brings the header up to date.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhenRead({ wasUnread }: { wasUnread: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (wasUnread) router.refresh();
  }, [wasUnread, router]);
  return null;
}
