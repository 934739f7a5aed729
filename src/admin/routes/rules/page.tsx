import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Adjustments } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { ThresholdSimulator } from "../../components/figures/threshold-simulator"
import { EvaluateTool } from "../../components/rules/evaluate-tool"
import { RuleEditor } from "../../components/rules/rule-editor"
import { RuleSettingsCard } from "../../components/rules/rule-settings-card"
import { RuleTable } from "../../components/rules/rule-table"

/** Risk rules: the list with on/off switches, the rule builder, the rule settings, the threshold simulator and the evaluate tool. */
const RulesPage = () => {
  const { t } = useTranslation()
  const [creating, setCreating] = useState(false)
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
          <div>
            <Heading level="h1">{t("paymentRisk.rules.title")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">{t("paymentRisk.rules.description")}</Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>{t("paymentRisk.rules.add")}</Button>
        </div>
        <RuleTable />
        <RuleEditor open={creating} onOpenChange={setCreating} />
      </Container>
      <Container className="p-0">
        <EvaluateTool />
      </Container>
      <Container className="p-0">
        <RuleSettingsCard />
      </Container>
      <Container className="p-0">
        <ThresholdSimulator />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "paymentRisk.rules.menuLabel",
  translationNs: "translation",
  icon: Adjustments,
})

export default RulesPage
