import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { safeNextPath } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Sign in" };

const searchParamsSchema = z.object({
  next: z.string().max(2048).optional(),
  expired: z.literal("1").optional(),
  /** Set by the no-JavaScript form post after a wrong password. */
  error: z.literal("wrong-password").optional(),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, expired, error } = searchParamsSchema.catch({}).parse(await searchParams);
  const destination = safeNextPath(next);
  const viewer = await getViewer();
  if (viewer.mode === "password" && viewer.isSignedIn) redirect(destination);

  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Sign in" description="Driftboard holds a map of your fleet, so it asks for the admin password." />
      {viewer.mode === "open" ? (
        <Card>
          <p className="text-sm">No admin password is set, so there is nothing to sign in to: Driftboard runs in open mode.</p>
          <div className="mt-4">
            <ButtonLink href={destination}>Continue</ButtonLink>
          </div>
        </Card>
      ) : (
        <Card>
          <SignInForm next={destination} hasExpired={expired === "1"} initialError={error ? "Wrong password." : null} />
        </Card>
      )}
    </div>
  );
}
