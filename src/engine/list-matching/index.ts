export * from "./normalize"
export * from "./similarity"
export * from "./keys"
export * from "./match"
