import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"

type RegionRow = {
  id: string
  name: string
  currency_code: string
  payment_providers?: Array<{ id: string } | null> | null
}

/** Every region with its payment providers, and each provider's risk class. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: regions }, { data: providers }] = await Promise.all([
    query.graph({
      entity: "region",
      fields: ["id", "name", "currency_code", "payment_providers.id"],
    }),
    query.graph({ entity: "payment_provider", fields: ["id", "is_enabled"] }),
  ])
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const providerIds = (providers as Array<{ id: string }>).map((provider) => provider.id).sort()
  res.json({
    regions: (regions as RegionRow[]).map((region) => ({
      id: region.id,
      name: region.name,
      currency_code: region.currency_code,
      provider_ids: (region.payment_providers ?? []).flatMap((provider) => (provider ? [provider.id] : [])),
    })),
    providers: await service.getProviderClasses(providerIds),
  })
}
