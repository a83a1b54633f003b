"use client";
// React resets a form after its `action` runs, and a controlled <select> then shows (and submits)
// its first option although its state still holds the customer's choice. Dispatching the action
// from onSubmit instead keeps every field as the user left it after a refusal.
import { type FormEvent, useTransition } from "react";

/** `clear`: fields emptied once sent (keys: never left in the page). */
export function useKeptForm(dispatch: (formData: FormData) => void, clear: string[] = []) {
  const [pending, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) formData.set(submitter.name, submitter.value);
    for (const name of clear) {
      const field = event.currentTarget.elements.namedItem(name);
      if (field instanceof HTMLInputElement) field.value = "";
    }
    startTransition(() => dispatch(formData));
  };
  return { onSubmit, pending };
}
