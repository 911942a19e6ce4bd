/** Where focus goes when the chat opens: the message box, else the form, else any button. */
export function firstField(root: HTMLElement): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>("textarea:not([disabled])") ??
    root.querySelector<HTMLElement>("select:not([disabled]), input:not([disabled]):not([type=hidden])") ??
    root.querySelector<HTMLElement>("button:not([disabled])")
  );
}
