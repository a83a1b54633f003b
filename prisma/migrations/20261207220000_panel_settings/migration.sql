-- CreateTable
CREATE TABLE "PanelSetting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PanelSetting_pkey" PRIMARY KEY ("key")
);
