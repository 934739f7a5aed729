import { closeReceivableRoute } from "../../close"

/** Writes the claim off → `{ receivable, outcome, list_entries }` (outcome `written_off`, its negative-list consequence). */
export const POST = closeReceivableRoute("written_off")
