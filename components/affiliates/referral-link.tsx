"use client";
// The affiliate's link, selectable, with a copy button that says when it copied.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function ReferralLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (an insecure origin): the field is selected for a manual copy instead.
      (document.getElementById("referral-link") as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label htmlFor="referral-link" className="block text-sm font-medium text-slate-700">Your referral link</label>
        <input
          id="referral-link"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
          data-testid="referral-link"
        />
      </div>
      <Button type="button" onClick={copy} aria-live="polite">
        {copied ? "Copied" : "Copy link"}
      </Button>
    </div>
  );
}
