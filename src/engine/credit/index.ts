export * from "./types"
export * from "./policy"
export * from "./identity"
export * from "./limits"
