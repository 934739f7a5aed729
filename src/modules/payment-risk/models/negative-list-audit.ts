import { model } from "@medusajs/framework/utils"

/** Every create/update/delete of a negative-list entry, with who did it and what changed. */
const NegativeListAudit = model
  .define({ name: "NegativeListAudit", tableName: "payment_risk_negative_list_audit" }, {
    id: model.id({ prefix: "prnla" }).primaryKey(),
    entry_id: model.text(),
    action: model.enum(["create", "update", "delete"]),
    actor_id: model.text().nullable(),
    /** changed fields: { field: [before, after] }; hashed values only, never clear data */
    changes: model.json(),
  })
  .indexes([{ on: ["entry_id"] }])

export default NegativeListAudit
