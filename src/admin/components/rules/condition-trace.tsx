import { CheckMini, XMarkMini } from "@medusajs/icons"
import { Badge, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { CatalogEntry, ConditionTrace } from "../../lib/rules-types"
import { attributeLabel, formatExpected, formatValue } from "./labels"

const Held = ({ held }: { held: boolean }) =>
  held ? <CheckMini className="text-ui-tag-green-icon shrink-0" aria-hidden /> : <XMarkMini className="text-ui-tag-red-icon shrink-0" aria-hidden />

/** A rule's condition tree as evaluated: attribute, operator, expected, actual value, held ✓/✗ or unavailable. */
export const ConditionTraceView = ({ trace, catalog }: { trace: ConditionTrace; catalog: Map<string, CatalogEntry> }) => {
  const { t, i18n } = useTranslation()
  if (trace.type === "group") {
    return (
      <div className="flex flex-col gap-y-1" data-testid="trace-group">
        <div className="flex items-center gap-x-1">
          <Held held={trace.held} />
          <Text size="xsmall" weight="plus">{t(`paymentRisk.rules.traceGroup.${trace.combinator}`)}</Text>
          <span className="sr-only">{t(trace.held ? "paymentRisk.rules.held" : "paymentRisk.rules.notHeld")}</span>
        </div>
        <div className="ml-2 flex flex-col gap-y-1 border-l pl-3">
          {trace.children.map((child, index) => (
            <ConditionTraceView key={index} trace={child} catalog={catalog} />
          ))}
          {!trace.children.length && <Text size="xsmall" className="text-ui-fg-subtle">{t(`paymentRisk.rules.emptyGroup.${trace.combinator}`)}</Text>}
        </div>
      </div>
    )
  }
  const params = trace.params
    ? Object.entries(trace.params)
        .map(([name, value]) => `${t(`paymentRisk.rules.params.${name}`)}: ${name === "source" ? t(`paymentRisk.rules.params.sources.${value}`) : value}`)
        .join(", ")
    : ""
  const expected = formatExpected(trace.operator, trace.expected, t)
  return (
    <div className="flex flex-wrap items-center gap-x-1.5" data-testid="trace-condition" data-held={trace.held}>
      <Held held={trace.held} />
      <Text size="xsmall" weight="plus">{attributeLabel(catalog.get(trace.attribute), trace.attribute, i18n.language)}</Text>
      {params && <Text size="xsmall" className="text-ui-fg-subtle">({params})</Text>}
      <Text size="xsmall">{t(`paymentRisk.rules.operators.${trace.operator}`)}</Text>
      {expected && <Text size="xsmall" className="font-mono">{expected}</Text>}
      {trace.unavailable ? (
        <Badge size="2xsmall" color="orange">{t("paymentRisk.rules.unavailable")}</Badge>
      ) : (
        <Text size="xsmall" className="text-ui-fg-subtle">{t("paymentRisk.rules.actual", { value: formatValue(trace.actual, t) })}</Text>
      )}
    </div>
  )
}
