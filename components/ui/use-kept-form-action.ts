"use client";
// React 19 resets a <form action={…}> after every answer. Inputs whose `defaultValue` follows the
// answer survive that, but a <select> (controlled or not) falls back to its first option while the
// page state still shows the chosen one — the next submit then sends the first service (the
// wrong-service bug of issue 9). Every form that talks to a server action goes through this hook:
// it submits from onSubmit inside a transition, so the browser never resets the form and what the
// user chose stays chosen. `action` stays on the <form> so a submit before hydration still works.
// `clearOnSuccess`: forms whose fields describe one operation (add funds, refund) empty themselves
// once it succeeded — through `formRef` — and keep everything after a refusal.
// `idempotent`: staff money forms send an `idempotencyKey` with each submission (see
// lib/actions/run-once.ts). It is made when a submission is first sent and kept until an answer
// arrives, so a retry of that submission (a double submit, a resend after a lost answer) carries
// the same key; the next submission after an answer gets a new one.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";

type ServerAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

export function useKeptFormAction(action: ServerAction, initial: ActionState = {}, { clearOnSuccess = false, idempotent = false } = {}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const formRef = useRef<HTMLFormElement>(null);
  const keyRef = useRef<string | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    if (idempotent) {
      keyRef.current ??= crypto.randomUUID();
      data.set("idempotencyKey", keyRef.current);
      const hidden = event.currentTarget.elements.namedItem("idempotencyKey");
      if (hidden instanceof HTMLInputElement) hidden.value = keyRef.current;
    }
    startTransition(() => formAction(data));
  };
  useEffect(() => {
    // An answer arrived: the next submission is a new one.
    keyRef.current = null;
    if (clearOnSuccess && state.ok) formRef.current?.reset();
  }, [clearOnSuccess, state]);
  return { state, formAction, pending, onSubmit, formRef };
}
