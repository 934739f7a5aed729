import { model } from "@medusajs/framework/utils"
import { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../../engine/negative-list/types"

/**
 * An entry of the merchant's negative list. IBANs and card numbers are stored only as a keyed
 * hash in `value` plus a `display_hint` (country/brand and last 4 digits). `lookup_keys` holds
 * the normalised and phonetic keys the check fetches candidates by (GIN index, overlap query),
 * so a check never scans the list. Every entry expires (default: `retention.list_entry_days`
 * after creation) and is hard-deleted `retention.list_entry_grace_days` after its expiry, when
 * the merchant deletes it, or on the shopper's erasure request (unless `keep_negative_list`).
 */
const NegativeListEntry = model
  .define({ name: "NegativeListEntry", tableName: "payment_risk_negative_list_entry" }, {
    id: model.id({ prefix: "prnle" }).primaryKey(),
    kind: model.enum([...NEGATIVE_LIST_KINDS]),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    company: model.text().nullable(),
    address_1: model.text().nullable(),
    address_2: model.text().nullable(),
    postal_code: model.text().nullable(),
    city: model.text().nullable(),
    country_code: model.text().nullable(),
    /** normalised value of single-value kinds; keyed hash for iban/card */
    value: model.text().nullable(),
    /** what a human needs to recognise a hashed value, e.g. "DE …1234", "Visa …4242" */
    display_hint: model.text().nullable(),
    /**
     * id of the secret an iban/card `value` was hashed with (`hk_…`, or `legacy` for entries
     * stored before per-purpose keys); null for clear values. An entry under an earlier secret
     * matches while that secret is among `previous_hash_secrets`, and moves to the current key
     * when a check sees its clear value (the hash cannot be recomputed without it).
     */
    key_id: model.text().nullable(),
    reason: model.text(),
    source: model.enum([...NEGATIVE_LIST_SOURCES]).default("manual"),
    note: model.text().nullable(),
    expires_at: model.dateTime().nullable(),
    lookup_keys: model.array(),
    /** lowercased text of the entry for the admin search (never holds clear IBAN/card data) */
    search_text: model.text(),
    /**
     * the order the entry was taken from (review → list), so a shopper's erasure request finds
     * the entries made from her orders; null for entries typed, imported or from the widgets
     */
    order_id: model.text().nullable(),
    /**
     * what a match of this entry does, when it differs from the list's action for its kind
     * (settings.negative_list.actions): e.g. an outcome's consequence "hide invoice and direct
     * debit" for a return debit for lack of funds. Null: the kind's action.
     */
    action: model.json().nullable(),
    created_by: model.text().nullable(),
    updated_by: model.text().nullable(),
  })
  .indexes([
    { on: ["lookup_keys"], type: "GIN" },
    { on: ["kind"] },
    { on: ["value"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
  ])

export default NegativeListEntry
