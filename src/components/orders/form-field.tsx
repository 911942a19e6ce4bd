import type { InputHTMLAttributes, ReactNode } from "react";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  /** The field's path in the request body, e.g. "shippingAddress.city": also its id and name. */
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** A labelled input with its error announced and tied to it (aria-invalid + aria-describedby). */
export function FormField({ name, label, error, hint, className = "", required, ...input }: Props) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-cocoa-800">
        {label}
        {required ? null : <span className="ml-1 font-normal text-cocoa-500">(optional)</span>}
      </label>
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="field-input"
        {...input}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-cocoa-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error.charAt(0).toUpperCase() + error.slice(1)}
        </p>
      ) : null}
    </div>
  );
}
