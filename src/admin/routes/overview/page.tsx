import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Alert, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { CartFigures } from "../../components/figures/cart-figures"
import { CreditFigures } from "../../components/figures/credit-figures"
import { DefaultFiguresSection } from "../../components/figures/default-figures"
import { ListFigures } from "../../components/figures/list-figures"
import { dayOf, PeriodChoice, periodRange } from "../../components/figures/period"
import { PeriodPicker } from "../../components/figures/period-picker"
import { RuleFigures } from "../../components/figures/rule-figures"
import { errorMessage } from "../../lib/errors"
import { useAnalytics, useStoreCurrencies } from "../../lib/figures-hooks"

const KEY = "paymentRisk.figures"

/**
 * The merchant's figures for a period and currency: carts restricted and what the shoppers did
 * then, default rates per payment class and provider, credit-check spend against the losses it
 * avoided, the rules and the negative list. Every table exports as CSV.
 */
const OverviewPage = () => {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<PeriodChoice>({ preset: 30 })
  const { data: currencies } = useStoreCurrencies()
  const [currency, setCurrency] = useState<string | null>(null)
  useEffect(() => {
    if (!currency && currencies?.default) setCurrency(currencies.default)
  }, [currencies?.default])

  const range = useMemo(() => periodRange(choice), [choice])
  const query = range && currency ? { ...range, currency_code: currency, tz: browserTimeZone() } : null
  const { data, isLoading, isFetching, error } = useAnalytics(query)
  const file = range && currency ? `${t(`${KEY}.fileName`)}-${currency}-${dayOf(new Date(range.from))}` : "figures"
  const empty = data && data.carts.evaluated === 0 && data.by_class.every((row) => row.orders === 0)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">{t(`${KEY}.title`)}</Heading>
          <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.description`)}</Text>
        </div>
        <PeriodPicker choice={choice} onChoice={setChoice} currency={currency} currencies={currencies?.codes ?? []} onCurrency={setCurrency} />
      </Container>
      {!range && <Container className="px-6 py-4"><Text size="small" className="text-ui-fg-error">{t(`${KEY}.period.invalid`)}</Text></Container>}
      {error && <Container className="px-6 py-4"><Text size="small" className="text-ui-fg-error">{errorMessage(error)}</Text></Container>}
      {(isLoading || (!data && !error && !!query)) && <Container className="px-6 py-4"><Text size="small">{t(`${KEY}.loading`)}</Text></Container>}
      {data && empty && (
        <Container className="flex flex-col items-center gap-y-1 px-6 py-12 text-center" data-testid="figures-empty">
          <Heading level="h2">{t(`${KEY}.empty.title`)}</Heading>
          <Text size="small" className="max-w-[560px] text-ui-fg-subtle">{t(`${KEY}.empty.text`)}</Text>
        </Container>
      )}
      {data && !empty && (
        <div className={`flex flex-col gap-y-3 ${isFetching ? "opacity-60" : ""}`} data-testid="figures-overview">
          {(data.recording?.evaluations_lost ?? 0) > 0 && (
            <Alert variant="warning" data-testid="figures-incomplete">
              <Text size="small" weight="plus">{t(`${KEY}.incomplete.title`)}</Text>
              <Text size="small">{t(`${KEY}.incomplete.text`, { count: data.recording!.evaluations_lost })}</Text>
            </Alert>
          )}
          <Container className="p-0"><CartFigures data={data} file={file} /></Container>
          <Container className="p-0"><DefaultFiguresSection data={data} file={file} /></Container>
          <Container className="p-0"><CreditFigures data={data} /></Container>
          <Container className="p-0"><RuleFigures data={data} file={file} /></Container>
          <Container className="p-0"><ListFigures data={data} file={file} /></Container>
        </div>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "paymentRisk.figures.menuLabel",
  translationNs: "translation",
  icon: ChartBar,
})

export default OverviewPage

/** The browser's IANA time zone (Europe/Berlin), or none where the browser does not say. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined
  } catch {
    return undefined
  }
}
