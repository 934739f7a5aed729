export * from "./types"
export * from "./reason-codes"
export * from "./consequences"
export * from "./labels"
