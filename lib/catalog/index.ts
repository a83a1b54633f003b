export { syncCatalog, type SyncCatalogResult, type SyncCounts } from "./sync-catalog";
export { listCatalog, listProducts, type CatalogCategory, type CatalogService, type CatalogProduct } from "./list-catalog";
