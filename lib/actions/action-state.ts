// What a server action returns to its form: a message beside each field, a form-level error,
// and the submitted values so that nothing typed is lost.
export type ActionState = {
  ok?: boolean;
  error?: string;
  message?: string;
  fieldErrors?: Record<string, string | undefined>;
  values?: Record<string, string>;
  data?: Record<string, unknown>;
};

export const initialActionState: ActionState = {};
