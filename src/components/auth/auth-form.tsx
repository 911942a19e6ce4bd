"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import type { z } from "zod";
import { credentialsSchema, registerSchema } from "@/lib/credentials";

type Mode = "login" | "register";
type Field = "name" | "email" | "password";
type Errors = Partial<Record<Field | "form", string>>;

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

function fieldErrors(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as Field | undefined;
    if (field && !errors[field]) errors[field] = sentence(issue.message);
  }
  return errors;
}

/** The API's error: next to its field when it names one (stripping the "field: " prefix), else above the form. */
function serverErrors(body: unknown, status: number): Errors {
  const error = (body as { error?: { message?: string; field?: string } } | null)?.error;
  const message = error?.message ?? (status >= 500 ? "Something went wrong on our side. Please try again." : "That did not work. Please try again.");
  const field = error?.field as Field | undefined;
  if (field === "name" || field === "email" || field === "password") return { [field]: sentence(message.replace(new RegExp(`^${field}: `), "")) };
  return { form: message };
}

/** Sign-in and registration: validated here and on the server, then a full page load to `next`. */
export function AuthForm({ mode, next }: { mode: Mode; next: string }) {
  const id = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const schema = mode === "register" ? registerSchema : credentialsSchema;

  const validate = (form: HTMLFormElement) => {
    const values = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const result = schema.safeParse(values);
    return { values, errors: result.success ? {} : fieldErrors(result.error) };
  };

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSubmitted(true);
    const { values, errors: found } = validate(e.currentTarget);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      e.currentTarget.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
      return;
    }
    setPending(true);
    try {
      const res = await fetch(`/api/auth/${mode}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(values),
        credentials: "same-origin",
      });
      if (res.ok) {
        // A full load, so the header, the cart and the sockets all start as the new identity.
        window.location.assign(next);
        return;
      }
      setErrors(serverErrors(await res.json().catch(() => null), res.status));
    } catch {
      setErrors({ form: "We could not reach CALOR. Check your connection and try again." });
    }
    setPending(false);
  }

  const fields: { name: Field; label: string; type: string; autoComplete: string; hint?: string }[] = [
    ...(mode === "register" ? [{ name: "name" as const, label: "Name", type: "text", autoComplete: "name" }] : []),
    { name: "email", label: "Email", type: "email", autoComplete: "email" },
    {
      name: "password",
      label: "Password",
      type: "password",
      autoComplete: mode === "register" ? "new-password" : "current-password",
      hint: mode === "register" ? "At least 8 characters." : undefined,
    },
  ];

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      onChange={(e) => {
        if (!submitted) return;
        // Read the form now: React clears currentTarget once the handler returns.
        const found = validate(e.currentTarget).errors;
        setErrors((prev) => ({ ...found, form: prev.form }));
      }}
      aria-busy={pending}
      className="flex flex-col gap-5"
    >
      {errors.form && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {errors.form}
        </p>
      )}
      {fields.map((f) => {
        const error = errors[f.name];
        const describedBy = [f.hint && `${id}-${f.name}-hint`, error && `${id}-${f.name}-error`].filter(Boolean).join(" ") || undefined;
        return (
          <div key={f.name} className="flex flex-col gap-1.5">
            <label htmlFor={`${id}-${f.name}`} className="text-sm font-semibold text-cocoa-800">
              {f.label}
            </label>
            <input
              id={`${id}-${f.name}`}
              name={f.name}
              type={f.type}
              autoComplete={f.autoComplete}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className="field-input"
            />
            {f.hint && !error && (
              <p id={`${id}-${f.name}-hint`} className="text-xs text-cocoa-600">
                {f.hint}
              </p>
            )}
            {error && (
              <p id={`${id}-${f.name}-error`} className="text-sm font-medium text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="btn-primary mt-1 w-full py-3 text-base">
        {pending && <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />}
        {pending ? (mode === "register" ? "Creating your account…" : "Signing in…") : mode === "register" ? "Create account" : "Sign in"}
      </button>
      <p className="text-center text-sm text-cocoa-600">
        {mode === "register" ? "Already have an account? " : "New to CALOR? "}
        <Link
          href={`/${mode === "register" ? "login" : "register"}?next=${encodeURIComponent(next)}`}
          className="font-semibold text-ember-700 underline-offset-2 hover:underline"
        >
          {mode === "register" ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}
