// What a template is: a function from its data to one set of words (layout.ts makes the text and
// HTML parts from them), and whether the message carries a credential (see outbox.ts).
import type { MailContent } from "./layout";

export type MailTemplate<Data> = { secret: boolean; render(data: Data): MailContent };

export function defineTemplate<Data>(template: MailTemplate<Data>): MailTemplate<Data> {
  return template;
}
