// Accounts seeded into the e2e database before the browser tests run.
export const E2E_ACCOUNTS = {
  admin: { email: "e2e-admin@panel.test", password: "admin-pass-123", role: "admin" as const },
  staff: { email: "e2e-staff@panel.test", password: "staff-pass-123", role: "staff" as const },
  totpAdmin: { email: "e2e-totp-admin@panel.test", password: "totp-admin-pass-1", role: "admin" as const },
  customer: { email: "e2e-customer@panel.test", password: "customer-pass-123", role: "customer" as const },
  victim: { email: "e2e-other@panel.test", password: "other-pass-1234", role: "customer" as const },
};
