export * from "./default-tips"
export * from "./placeholders"
export * from "./render-markdown"
