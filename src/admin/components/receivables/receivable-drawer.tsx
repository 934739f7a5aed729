import { Badge, Drawer, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import type { DunningStage } from "../../../engine/dunning/stages"
import { useFormat } from "../../lib/format"
import { useReceivable } from "../../lib/receivable-hooks"
import { KEY, stageLabel, STATUS_COLOR } from "./labels"
import { PaymentForm } from "./payment-form"
import { ReceivableActions } from "./receivable-actions"
import { ReceivableAmounts } from "./receivable-amounts"
import { ReceivableLetters } from "./receivable-letters"
import { ReceivableTimeline } from "./receivable-timeline"

type Props = { orderId: string | null; displayId?: number | string | null; onClose: () => void; stages: readonly DunningStage[] | undefined }

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <section className="flex flex-col gap-y-2">
    <Heading level="h3">{title}</Heading>
    {children}
  </section>
)

const Fact = ({ label, value }: { label: string; value: string }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
    <Text size="small">{value}</Text>
  </div>
)

/** One receivable: dates, amounts with interest periods, actions, letters and the timeline. */
export const ReceivableDrawer = ({ orderId, displayId, onClose, stages }: Props) => {
  const { t } = useTranslation()
  const format = useFormat()
  const [asOf, setAsOf] = useState("")
  const { data: receivable, isError } = useReceivable(orderId ?? undefined, asOf || undefined)
  const order = displayId ? `#${displayId}` : receivable?.display_id ? `#${receivable.display_id}` : orderId ?? ""
  const debtor = receivable ? [[receivable.first_name, receivable.last_name].filter(Boolean).join(" "), receivable.email].filter(Boolean).join(" · ") : ""
  const preview = !!asOf

  return (
    <Drawer open={!!orderId} onOpenChange={(open) => { if (!open) { setAsOf(""); onClose() } }}>
      <Drawer.Content className="max-w-[640px]" data-testid="receivable-drawer">
        <Drawer.Header>
          <Drawer.Title>{t(`${KEY}.drawer.title`, { order })}</Drawer.Title>
          <Drawer.Description className="sr-only">{t(`${KEY}.drawer.description`)}</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {isError && <Text size="small" className="text-ui-fg-error">{t(`${KEY}.drawer.loadFailed`)}</Text>}
          {receivable && (
            <>
              <div className="flex flex-wrap items-center gap-2">
                <Badge size="small" color={STATUS_COLOR[receivable.status] ?? "grey"}>{t(`${KEY}.status.${receivable.status}`)}</Badge>
                <Badge size="small">{t(`${KEY}.debtor.${receivable.debtor_type}`)}</Badge>
                <Text size="small" className="text-ui-fg-subtle">{stageLabel(receivable.stage, stages, t)}</Text>
              </div>
              {debtor && <Text size="small" data-testid="receivable-debtor">{debtor}</Text>}
              {receivable.missing_base_rate && <Text size="small" className="text-ui-fg-error">{t(`${KEY}.drawer.missingBaseRate`)}</Text>}
              {receivable.address_research && <Text size="small" className="text-ui-fg-error">{t(`${KEY}.drawer.addressResearch`)}</Text>}
              <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
                <Fact label={t(`${KEY}.drawer.invoiceDate`)} value={format.date(receivable.invoice_date)} />
                <Fact label={t(`${KEY}.drawer.dueDate`)} value={format.date(receivable.due_date)} />
                <Fact label={t(`${KEY}.drawer.nextStage`)} value={receivable.next_stage_at ? format.date(receivable.next_stage_at) : "–"} />
                <div className="flex flex-col gap-y-0.5">
                  <Label htmlFor="receivable-as-of" size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.drawer.asOf`)}</Label>
                  <Input id="receivable-as-of" size="small" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
                </div>
              </div>
              <Section title={t(`${KEY}.drawer.amounts`)}>
                {preview && <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.drawer.asOfHint`, { date: format.date(asOf) })}</Text>}
                <ReceivableAmounts receivable={receivable} />
              </Section>
              {!preview && (
                <Section title={t(`${KEY}.drawer.actions`)}>
                  <ReceivableActions receivable={receivable} stages={stages} order={order} />
                  {!["paid", "written_off", "handed_over"].includes(receivable.status) && <PaymentForm receivable={receivable} />}
                </Section>
              )}
              {(receivable.stage !== null || receivable.events?.some((e) => e.kind === "dunning_stage")) && (
                <Section title={t(`${KEY}.drawer.letters`)}>
                  <ReceivableLetters receivable={receivable} stages={stages} order={order} />
                </Section>
              )}
              <Section title={t(`${KEY}.drawer.timeline`)}>
                <ReceivableTimeline receivable={receivable} stages={stages} />
              </Section>
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
