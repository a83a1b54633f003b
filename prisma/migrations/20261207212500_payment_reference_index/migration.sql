-- Hand-written: manual payments are looked up by their transfer reference with case, spaces and
-- dashes ignored (lib/payments/duplicate-references.ts), so one bank transfer is not credited twice.
CREATE INDEX "Payment_reference_normalized_idx" ON "Payment" (lower(regexp_replace("reference", '[[:space:]-]+', '', 'g')))
  WHERE "reference" IS NOT NULL;
