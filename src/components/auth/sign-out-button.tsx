"use client";

import { useState } from "react";
import { signOut } from "@/components/auth/sign-out";

export function SignOutButton({ className = "btn-secondary" }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={className}
      onClick={() => {
        setPending(true);
        void signOut().finally(() => setPending(false));
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
