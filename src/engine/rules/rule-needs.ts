import type { ConditionGroup, RiskRule, VelocityNeed } from "./types"
import { velocityNeeds } from "./velocity"

/** Which adapter facts the enabled rules read, so nothing else is fetched. */
export type RuleNeeds = {
  items: boolean
  catalogue: boolean
  average: boolean
  groups: boolean
  overdue: boolean
  list_sources: boolean
  ip_country: boolean
  velocity: VelocityNeed[]
}

const CATALOGUE = ["cart.categories", "cart.tags", "cart.collections", "cart.category_quantity"]
const ITEMS = [...CATALOGUE, "cart.products", "cart.product_quantity"]
const IP_COUNTRY = ["network.ip_country", "network.ip_country_differs_billing", "network.ip_country_differs_shipping"]

function collect(group: ConditionGroup, into: Set<string>) {
  for (const child of group.children ?? []) {
    if (child.type === "group") collect(child, into)
    else into.add(child.attribute)
  }
}

/** The attributes read by the enabled rules. */
export function attributesUsed(rules: readonly RiskRule[]): Set<string> {
  const used = new Set<string>()
  for (const rule of rules) if (rule.enabled && rule.conditions) collect(rule.conditions, used)
  return used
}

export function ruleNeeds(rules: readonly RiskRule[]): RuleNeeds {
  const used = attributesUsed(rules)
  const any = (attributes: string[]) => attributes.some((attribute) => used.has(attribute))
  return {
    items: any(ITEMS),
    catalogue: any(CATALOGUE),
    average: used.has("cart.total_vs_average"),
    groups: used.has("customer.groups"),
    overdue: used.has("customer.has_overdue_orders"),
    list_sources: any(["customer.has_refused_cod", "customer.has_returned_debit"]),
    ip_country: any(IP_COUNTRY),
    velocity: velocityNeeds(rules),
  }
}
