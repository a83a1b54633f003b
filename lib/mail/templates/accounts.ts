// The account emails (sign-up, password reset, email change, sign-in codes). Each is `secret`
// when it carries a single-use link or code: the outbox drops its body once sent (lib/mail/outbox.ts).
import { defineTemplate } from "./define";

const notYou = "If this was not you, you can ignore this message: nothing changes without the link.";

export const accountTemplates = {
  "verify-email": defineTemplate<{ url: string; hours: number }>({
    secret: true,
    render: ({ url, hours }) => ({
      subject: "Confirm your email address",
      greeting: "Welcome!",
      paragraphs: ["Confirm this address to finish setting up your account. Until then you can sign in, but not add funds or place orders."],
      action: { label: "Confirm my email", url },
      footer: [`The link works once and expires in ${hours} hours.`, "If you did not create an account, ignore this message."],
    }),
  }),
  "sign-up-existing": defineTemplate<{ signInUrl: string; resetUrl: string }>({
    secret: false,
    render: ({ signInUrl, resetUrl }) => ({
      subject: "Someone tried to create an account with your email",
      greeting: "Hello,",
      paragraphs: [
        "Someone (maybe you) tried to create a new account with this email address. You already have an account, so nothing was created and nothing changed.",
        `To use your account, sign in at ${signInUrl}. If you forgot your password, you can set a new one at ${resetUrl}.`,
      ],
      footer: ["If this was not you, you do not need to do anything."],
    }),
  }),
  "password-reset": defineTemplate<{ url: string; minutes: number }>({
    secret: true,
    render: ({ url, minutes }) => ({
      subject: "Set a new password",
      greeting: "Hello,",
      paragraphs: ["Someone asked to set a new password for your account. Setting it signs out every session of the account."],
      action: { label: "Set a new password", url },
      footer: [`The link works once and expires in ${minutes} minutes.`, notYou],
    }),
  }),
  "password-changed": defineTemplate<{ resetUrl: string }>({
    secret: false,
    render: ({ resetUrl }) => ({
      subject: "Your password was changed",
      greeting: "Hello,",
      paragraphs: ["The password of your account was just changed, and every session was signed out."],
      footer: [`If this was not you, set a new password at once: ${resetUrl}`],
    }),
  }),
  "email-change-confirm": defineTemplate<{ url: string; hours: number }>({
    secret: true,
    render: ({ url, hours }) => ({
      subject: "Confirm your new email address",
      greeting: "Hello,",
      paragraphs: ["Confirm this address to make it the sign-in email of your account."],
      action: { label: "Confirm the new address", url },
      footer: [`The link works once and expires in ${hours} hours.`, notYou],
    }),
  }),
  "email-change-notice": defineTemplate<{ newEmail: string; changed: boolean }>({
    secret: false,
    render: ({ newEmail, changed }) => ({
      subject: changed ? "Your sign-in email was changed" : "A change of your sign-in email was requested",
      greeting: "Hello,",
      paragraphs: [
        changed
          ? `Your account's sign-in email is now ${newEmail}. This address no longer signs in.`
          : `Someone signed in to your account asked to change its email to ${newEmail}. It changes only once that address confirms.`,
      ],
      footer: ["If this was not you, change your password now and contact support."],
    }),
  }),
  "sign-in-code": defineTemplate<{ code: string; minutes: number }>({
    secret: true,
    render: ({ code, minutes }) => ({
      subject: `Your sign-in code: ${code}`,
      greeting: "Hello,",
      paragraphs: [
        "Your account had many failed sign-in attempts, so signing in now also needs this code. Enter it on the sign-in page:",
      ],
      code,
      footer: [`The code works once and expires in ${minutes} minutes.`, "If you did not just sign in, someone knows your password: change it now."],
    }),
  }),
};
