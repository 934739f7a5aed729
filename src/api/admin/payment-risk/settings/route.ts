import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ListAction, NegativeListKind, RiskSettings } from "../../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { AdminUpdatePaymentRiskSettingsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  res.json({ settings: await service.getSettings() })
}

function mergeActions(
  current: Record<NegativeListKind, ListAction>,
  update?: Partial<Record<string, ListAction | undefined>>
): Record<NegativeListKind, ListAction> {
  const merged = { ...current }
  for (const kind of Object.keys(merged) as NegativeListKind[]) {
    const action = update?.[kind]
    if (action) {
      merged[kind] = action
    }
  }
  return merged
}

function withoutUndefined<T extends object>(values?: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]-?: Exclude<T[K], undefined>
  }
}

function merge(current: RiskSettings, update: AdminUpdatePaymentRiskSettingsType): RiskSettings {
  return {
    first_order: { ...current.first_order, ...(update.first_order ?? {}) },
    negative_list: {
      ...current.negative_list,
      ...(update.negative_list ?? {}),
      actions: mergeActions(current.negative_list.actions, update.negative_list?.actions),
    },
    plausibility: { ...current.plausibility, ...(update.plausibility ?? {}) },
    credit_check: {
      ...current.credit_check,
      ...(update.credit_check ?? {}),
      traffic_light_actions: {
        ...current.credit_check.traffic_light_actions,
        ...(update.credit_check?.traffic_light_actions ?? {}),
      },
      consent_notice: { ...current.credit_check.consent_notice, ...(update.credit_check?.consent_notice ?? {}) },
      limits: { ...current.credit_check.limits, ...withoutUndefined(update.credit_check?.limits) },
    },
    rules: { ...current.rules, ...(update.rules ?? {}) },
    protection: { ...current.protection, ...withoutUndefined(update.protection) },
    shop: { ...current.shop, ...(update.shop ?? {}) },
    retention: { ...current.retention, ...withoutUndefined(update.retention) },
    fallback_classes: update.fallback_classes ?? current.fallback_classes,
    notice: { ...current.notice, ...(update.notice ?? {}) },
    refusal_message: { ...current.refusal_message, ...(update.refusal_message ?? {}) },
    evaluation_timeout_ms: update.evaluation_timeout_ms ?? current.evaluation_timeout_ms,
  }
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdatePaymentRiskSettingsType>,
  res: MedusaResponse
) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const current = await service.getSettings()
  const settings = await service.saveSettings(merge(current, req.validatedBody))
  res.json({ settings })
}
