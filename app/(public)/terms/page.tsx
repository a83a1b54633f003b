import type { Metadata } from "next";
import { ContentPageView } from "@/components/content/content-page-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Terms of service — Reseller Panel" };

export default function Page() {
  return <ContentPageView slug="terms" />;
}
