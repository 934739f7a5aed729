import { Badge, Button, Heading, Input, Label, Text } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { useFormat } from "../../lib/format"
import { providerName } from "../../lib/provider-name"
import { useEvaluateCart } from "../../lib/rules-hooks"
import { FieldError } from "../field-error"
import { HiddenList } from "./hidden-list"
import { RulesResultView } from "./rules-result-view"

const KEY = "paymentRisk.rules.evaluate"

/** "What does this cart see, and why": a cart id in, the decision with every rule's explanation out (nothing stored). */
export const EvaluateTool = () => {
  const { t } = useTranslation()
  const format = useFormat()
  const [cartId, setCartId] = useState("")
  const [ip, setIp] = useState("")
  const [inputError, setInputError] = useState<string>()
  const evaluate = useEvaluateCart()
  const result = evaluate.data

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const id = cartId.trim()
    if (!id) return setInputError(t(`${KEY}.required`))
    setInputError(undefined)
    evaluate.mutate({ cart_id: id, ...(ip.trim() ? { ip: ip.trim() } : {}) })
  }

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="evaluate-tool">
      <div>
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.description`)}</Text>
      </div>
      <form className="flex flex-wrap items-end gap-2" onSubmit={submit}>
        <div className="flex min-w-[280px] flex-1 flex-col gap-y-1">
          <Label htmlFor="evaluate-cart-id" size="small" weight="plus">{t(`${KEY}.cartId`)}</Label>
          <Input id="evaluate-cart-id" placeholder="cart_…" value={cartId} aria-invalid={!!inputError} onChange={(e) => setCartId(e.target.value)} />
        </div>
        <div className="flex w-56 flex-col gap-y-1">
          <Label htmlFor="evaluate-ip" size="small" weight="plus">{t(`${KEY}.ip`)}</Label>
          <Input id="evaluate-ip" placeholder="203.0.113.7" value={ip} title={t(`${KEY}.ipHint`)} onChange={(e) => setIp(e.target.value)} />
        </div>
        <Button size="small" type="submit" isLoading={evaluate.isPending}>{t(`${KEY}.run`)}</Button>
      </form>
      <FieldError message={inputError ?? (evaluate.error ? errorMessage(evaluate.error) : undefined)} />
      {result && (
        <div className="flex flex-col gap-y-4" data-testid="evaluate-result">
          <Text size="small" className="text-ui-fg-subtle">
            {t(`${KEY}.cart`, {
              id: result.cart.id,
              total: format.money(result.cart.total, result.cart.currency_code),
              email: result.cart.email ?? "–",
            })}
          </Text>
          {result.decision.fallback && <Badge size="2xsmall" color="orange">{t("paymentRisk.widget.fallback")}</Badge>}
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <div className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">{t("paymentRisk.widget.allowed")}</Text>
              <div className="flex flex-wrap gap-1" data-testid="allowed-providers">
                {result.decision.allowed_provider_ids.map((id) => (
                  <Badge key={id} size="2xsmall" color="green">{providerName(id)}</Badge>
                ))}
                {!result.decision.allowed_provider_ids.length && <Text size="small">–</Text>}
              </div>
            </div>
            <div className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">{t("paymentRisk.widget.hidden")}</Text>
              <HiddenList hidden={result.decision.hidden} />
            </div>
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">{t(`${KEY}.rules`)}</Text>
            {result.decision.rules ? (
              <RulesResultView result={result.decision.rules} />
            ) : (
              <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.rulesOff`)}</Text>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
