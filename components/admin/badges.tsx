// Staff-only badges; the shared Badge itself lives in components/ui/badge.tsx.
import { Badge } from "@/components/ui/badge";

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return <Badge tone={enabled ? "green" : "slate"}>{enabled ? "enabled" : "disabled"}</Badge>;
}
