// A row of links between sibling pages (the customer's order pages, the staff payment views): the
// current one is marked for screen readers (aria-current) and styled by the caller's look.
import Link from "next/link";

export function PageLinks({
  label,
  links,
  current,
  className,
  linkClassName,
}: {
  label: string;
  links: readonly { href: string; label: string }[];
  current: string;
  className: string;
  linkClassName: (isCurrent: boolean) => string;
}) {
  return (
    <nav aria-label={label} className={className}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === current ? "page" : undefined} className={linkClassName(link.href === current)}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
