import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its own files at run time; Turbopack's bundling breaks that (see ENVIRONMENT.md).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
};

export default nextConfig;
