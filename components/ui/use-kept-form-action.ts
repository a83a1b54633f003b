"use client";
// React 19 resets a <form action={…}> after every answer. Inputs whose `defaultValue` follows the
// answer survive that, but a <select> (controlled or not) falls back to its first option while the
// page state still shows the chosen one — the next submit then sends the first service (the
// wrong-service bug of issue 9). Every form that talks to a server action goes through this hook:
// it submits from onSubmit inside a transition, so the browser never resets the form and what the
// user chose stays chosen. `action` stays on the <form> so a submit before hydration still works.
// `clearOnSuccess`: forms whose fields describe one operation (add funds, refund) empty themselves
// once it succeeded — through `formRef` — and keep everything after a refusal.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";

type ServerAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function useKeptFormAction(action: ServerAction, initial: ActionState = {}, { clearOnSuccess = false } = {}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
  useEffect(() => {
    if (clearOnSuccess && state.ok) formRef.current?.reset();
  }, [clearOnSuccess, state]);
  return { state, formAction, pending, onSubmit, formRef };
}
