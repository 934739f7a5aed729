import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RuleItemFacts } from "../../engine"
import type { LoadedCart } from "./load-cart-snapshot"

type ProductRow = {
  id: string
  collection_id?: string | null
  categories?: Array<{ id: string; mpath?: string | null } | null> | null
  tags?: Array<{ id: string } | null> | null
}

/** A category and its ancestors (Medusa's `mpath` is the id path from the root). */
function withAncestors(category: { id: string; mpath?: string | null }): string[] {
  const path = (category.mpath ?? "").split(".").filter(Boolean)
  return [...new Set([...path, category.id])]
}

/**
 * The cart's items with their product's categories (with ancestors, so a rule on "Satellite"
 * also sees "Satellite › Dishes"), tags and collection. With `withCatalogue` false only
 * product and quantity are filled (no query), for rules that read nothing else.
 */
export async function itemFacts(
  container: MedusaContainer,
  items: LoadedCart["cart"]["items"],
  withCatalogue: boolean
): Promise<RuleItemFacts[]> {
  const productIds = [...new Set(items.map((item) => item.product_id).filter((id): id is string => !!id))]
  const products = new Map<string, ProductRow>()
  if (withCatalogue && productIds.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "collection_id", "categories.id", "categories.mpath", "tags.id"],
      filters: { id: productIds },
    })
    for (const row of data as ProductRow[]) products.set(row.id, row)
  }
  return items.map((item) => {
    const product = item.product_id ? products.get(item.product_id) : undefined
    return {
      product_id: item.product_id ?? null,
      quantity: item.quantity,
      category_ids: [...new Set((product?.categories ?? []).flatMap((c) => (c ? withAncestors(c) : [])))],
      tag_ids: (product?.tags ?? []).flatMap((t) => (t ? [t.id] : [])),
      collection_id: product?.collection_id ?? null,
    }
  })
}

/** The customer's group ids (customer groups of Medusa's customer module). */
export async function customerGroupIds(container: MedusaContainer, customerId: string | null | undefined): Promise<string[]> {
  if (!customerId) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "groups.id"], filters: { id: customerId } })
  const row = data[0] as { groups?: Array<{ id: string } | null> | null } | undefined
  return (row?.groups ?? []).flatMap((group) => (group ? [group.id] : []))
}
