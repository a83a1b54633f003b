export * from "./decimal";
export * from "./charges";
export * from "./format";
