-- CreateTable
CREATE TABLE "StaffActionKey" (
    "key" TEXT NOT NULL,
    "actorId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "StaffActionKey_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "StaffActionKey_createdAt_idx" ON "StaffActionKey"("createdAt");

-- Hand-written: a key's first answer is final (a replay must never see another one).
ALTER TABLE "StaffActionKey" ADD CONSTRAINT "StaffActionKey_key_shape" CHECK (length("key") BETWEEN 16 AND 100);
CREATE FUNCTION staff_action_key_answer_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.result IS NOT NULL THEN
    RAISE EXCEPTION 'StaffActionKey % already has its answer', OLD.key;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "StaffActionKey_answer_once" BEFORE UPDATE ON "StaffActionKey"
  FOR EACH ROW EXECUTE FUNCTION staff_action_key_answer_once();
