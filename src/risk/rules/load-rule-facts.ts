import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AdapterRuleFacts } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import type { LoadedCart } from "../readers/load-cart-snapshot"
import { averageOrderValue } from "../readers/average-order-value"
import { customerGroupIds, itemFacts } from "../readers/catalogue-facts"
import { ipCountry } from "../readers/geoip"
import { localTime } from "../../engine/rules/local-time"
import { RuleNeeds } from "../../engine/rules/rule-needs"
import { SignalKeys } from "../signals/signal-keys"
import { velocityCounts } from "../signals/velocity-counts"

const none = Promise.resolve(undefined)

/**
 * The facts only the adapter knows, fetched in parallel and only where an enabled rule reads
 * them: catalogue, customer groups, the store's average order, GeoIP country, velocity counts,
 * the store's local time. History- and list-derived facts are added by the caller, which has
 * those already.
 */
export async function loadRuleFacts(
  container: MedusaContainer,
  service: PaymentRiskModuleService,
  input: { loaded: LoadedCart; needs: RuleNeeds; keys: SignalKeys; ip: string | null | undefined; now: Date }
): Promise<AdapterRuleFacts> {
  const { loaded, needs, keys, ip, now } = input
  const cart = loaded.cart
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const [items, groups, average, country, velocity] = await Promise.all([
    needs.items ? itemFacts(container, cart.items, needs.catalogue) : none,
    needs.groups ? customerGroupIds(container, cart.customer_id) : none,
    needs.average ? averageOrderValue(container, cart.currency_code) : none,
    needs.ip_country ? ipCountry(service.getGeoipDatabasePath(), ip, (message) => logger.warn(`payment-risk: ${message}`)) : none,
    needs.velocity.length ? velocityCounts(service, needs.velocity, cart, keys, now) : none,
  ])
  return {
    items,
    sales_channel_id: loaded.sales_channel_id,
    average_order_value: average,
    customer_group_ids: groups,
    ip: ip ?? undefined,
    ip_country: country,
    velocity,
    local_time: localTime(now, service.getTimezone()),
    now: now.toISOString(),
  }
}
