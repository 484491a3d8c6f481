import { notFound } from "next/navigation";

// Any other path on a patient host: a 404 inside the practice's own layout.
export default function MissingPracticePage() {
  notFound();
}
