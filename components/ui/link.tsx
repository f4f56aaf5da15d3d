import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * SIKERDA's link (use it instead of next/link; eslint.config.mjs refuses a direct import). The same
 * client-side navigation, without prefetching: next/link prefetches every link that scrolls into
 * view, and since every SIKERDA page is dynamic (per-user, per-request CSP nonce) each prefetch is a
 * request the server answers by rendering the route's layouts (session, settings, shell) for a few
 * hundred bytes it cannot reuse. Measured at 100k with the production build: opening /usulan fired
 * 31 prefetches, ~290 ms of server CPU for one page view whose own render costs ~20 ms. A link
 * still navigates without a full reload; the page is fetched when it is clicked.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
