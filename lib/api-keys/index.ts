export { createApiKey, MAX_ACTIVE_KEYS, type CreateApiKeyResult } from "./create-api-key";
export { listApiKeys, type ApiKeySummary } from "./list-api-keys";
export { revokeApiKey, type RevokeApiKeyResult } from "./revoke-api-key";
export { authenticateApiKey, LAST_USED_RESOLUTION_MS, type ApiCustomer } from "./authenticate-api-key";
export { API_KEY_PREFIX, hashApiKey } from "./key-material";
export { ZApiKeyName, ZCreateApiKeyInput, ZRevokeApiKeyInput, type CreateApiKeyInput, type RevokeApiKeyInput } from "./schemas";
