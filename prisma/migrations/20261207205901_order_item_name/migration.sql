-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "itemName" TEXT;

-- What was bought keeps its name: every new order records its service's (or product's) name as
-- it is at placement, whichever code path inserts it; a later rename changes only the catalog.
CREATE FUNCTION order_item_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."itemName" IS NULL THEN
    NEW."itemName" := COALESCE(
      (SELECT name FROM "Service" WHERE id = NEW."serviceId"),
      (SELECT name FROM "Product" WHERE id = NEW."productId"));
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Order_item_name" BEFORE INSERT ON "Order"
  FOR EACH ROW EXECUTE FUNCTION order_item_name();

-- Orders placed before this migration: the best we know is the name their item has now.
UPDATE "Order" o SET "itemName" = s.name FROM "Service" s WHERE o."serviceId" = s.id AND o."itemName" IS NULL;
UPDATE "Order" o SET "itemName" = p.name FROM "Product" p WHERE o."productId" = p.id AND o."itemName" IS NULL;
