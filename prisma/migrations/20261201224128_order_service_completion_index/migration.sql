-- CreateIndex
CREATE INDEX "Order_serviceId_state_finishedAt_idx" ON "Order"("serviceId", "state", "finishedAt");
