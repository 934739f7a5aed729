import { closeReceivableRoute } from "../../close"

/** Hands the claim over to collection → `{ receivable, outcome, list_entries }` (outcome `handed_over`, its negative-list consequence). */
export const POST = closeReceivableRoute("handed_over")
