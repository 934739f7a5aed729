export * from "./epc-qr"
export * from "./payment-reference"
