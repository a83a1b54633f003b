import next from "eslint-config-next";

export default [
  { ignores: ["lib/db/generated/**", ".next/**", "data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...next,
];
