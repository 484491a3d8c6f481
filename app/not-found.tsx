import Link from "next/link";

// The site's 404. Static on purpose: it is part of every route's tree, so reading the request here
// would make every page dynamic. Patient hosts get their own 404s under app/t/.
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-700">
        The page you were looking for isn&apos;t here.{" "}
        <Link className="font-medium text-teal-800 underline" href="/">
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
