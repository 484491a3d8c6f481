import { notFound } from "next/navigation";

// Target of the middleware's rewrite for hosts we don't serve (reserved or malformed names).
export default function NotFoundHost() {
  notFound();
}
