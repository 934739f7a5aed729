import { model } from "@medusajs/framework/utils"

/**
 * Every create/update/delete of a negative-list entry: who did it, when, and which fields
 * changed — never the values (src/engine/privacy/mask.ts). Deleted with the retention settings'
 * `list_audit_days`, and with the entry on a shopper's erasure request.
 */
const NegativeListAudit = model
  .define({ name: "NegativeListAudit", tableName: "payment_risk_negative_list_audit" }, {
    id: model.id({ prefix: "prnla" }).primaryKey(),
    entry_id: model.text(),
    action: model.enum(["create", "update", "delete"]),
    actor_id: model.text().nullable(),
    /**
     * changed fields: { field: [before, after] } with each personal value as a masked hint
     * (first character and length, e.g. "M… (5)"); kind, source, country and expiry readable;
     * a delete keeps no values ({})
     */
    changes: model.json(),
  })
  .indexes([{ on: ["entry_id"] }])

export default NegativeListAudit
