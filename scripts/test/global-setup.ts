// Placeholder replaced by the database setup (creates a throwaway PostgreSQL database per run).
export default async function setup() {}
