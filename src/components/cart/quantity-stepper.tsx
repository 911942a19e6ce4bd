"use client";

import { useId } from "react";

interface Props {
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  label: string;
  disabled?: boolean;
  /** Hide the label visually (it stays for screen readers). */
  hideLabel?: boolean;
}

/** − [n] + with a real number input in the middle, so it works by keyboard and by typing. */
export function QuantityStepper({ value, min, max, onChange, label, disabled = false, hideLabel = true }: Props) {
  const id = useId();
  const set = (n: number) => onChange(Math.min(max, Math.max(min, Number.isFinite(n) ? Math.trunc(n) : min)));
  const step = "flex size-9 items-center justify-center text-lg font-semibold text-cocoa-800 hover:bg-sand-100 disabled:cursor-not-allowed disabled:opacity-40";
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium text-cocoa-700"}>
        {label}
      </label>
      <div className="inline-flex items-center overflow-hidden rounded-full border border-sand-300 bg-white">
        <button
          type="button"
          className={step}
          onClick={() => set(value - 1)}
          disabled={disabled || value <= min}
          aria-label={`Decrease ${label.toLowerCase()}`}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          disabled={disabled}
          onChange={(e) => set(e.currentTarget.valueAsNumber)}
          className="h-9 w-12 [appearance:textfield] border-x border-sand-200 text-center text-sm font-semibold text-cocoa-900 focus:outline-2 focus:outline-offset-[-2px] focus:outline-ember-500 [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none"
        />
        <button
          type="button"
          className={step}
          onClick={() => set(value + 1)}
          disabled={disabled || value >= max}
          aria-label={`Increase ${label.toLowerCase()}`}
        >
          +
        </button>
      </div>
    </div>
  );
}
