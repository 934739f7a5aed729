import { Badge, Button, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { useDeleteRule, useRules, useToggleRule } from "../../lib/rules-hooks"
import type { RuleDTO } from "../../lib/rules-types"
import { actionsSummary } from "./labels"
import { RuleEditor } from "./rule-editor"

const PAGE_SIZE = 50

/** The rules by priority: on/off switch (saves at once), actions, validity; a row opens the editor. */
export const RuleTable = () => {
  const { t, i18n } = useTranslation()
  const prompt = usePrompt()
  const [page, setPage] = useState(0)
  const [editing, setEditing] = useState<RuleDTO | undefined>()
  const { data, isLoading, error } = useRules({ limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const toggle = useToggleRule()
  const remove = useDeleteRule()
  const count = data?.count ?? 0
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: "short", timeStyle: "short" }) : null)

  const validity = (rule: RuleDTO) => {
    const from = date(rule.valid_from)
    const until = date(rule.valid_until)
    if (!from && !until) return t("paymentRisk.rules.always")
    if (from && until) return `${from} – ${until}`
    return from ? t("paymentRisk.rules.from", { date: from }) : t("paymentRisk.rules.until", { date: until })
  }

  const setEnabled = (rule: RuleDTO, enabled: boolean) =>
    toggle.mutate(
      { id: rule.id, enabled },
      {
        onSuccess: () => toast.success(t(enabled ? "paymentRisk.rules.switchedOn" : "paymentRisk.rules.switchedOff", { name: rule.name })),
        onError: (e) => toast.error(errorMessage(e)),
      }
    )

  const confirmDelete = async (rule: RuleDTO) => {
    const ok = await prompt({
      title: t("paymentRisk.rules.deleteTitle"),
      description: t(rule.default_key ? "paymentRisk.rules.deleteDefault" : "paymentRisk.rules.deleteText", { name: rule.name }),
      confirmText: t("paymentRisk.rules.delete"),
      cancelText: t("paymentRisk.rules.cancel"),
    })
    if (ok) remove.mutate(rule.id, { onSuccess: () => toast.success(t("paymentRisk.rules.deleted")), onError: (e) => toast.error(errorMessage(e)) })
  }

  return (
    <div className="flex flex-col">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("paymentRisk.rules.fields.name")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.rules.fields.priority")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.rules.actionsTitle")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.rules.validity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRisk.rules.fields.enabled")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.rules.map((rule) => (
            <Table.Row key={rule.id} className="cursor-pointer" onClick={() => setEditing(rule)} data-testid="rule-row">
              <Table.Cell className="max-w-[320px] py-2">
                <div className="flex flex-col">
                  <div className="flex items-center gap-x-2">
                    <Text size="small" weight="plus" className="truncate">{rule.name}</Text>
                    {rule.default_key && <Badge size="2xsmall">{t("paymentRisk.rules.default")}</Badge>}
                  </div>
                  {rule.description && <Text size="xsmall" className="text-ui-fg-subtle truncate">{rule.description}</Text>}
                </div>
              </Table.Cell>
              <Table.Cell>{rule.priority}</Table.Cell>
              <Table.Cell className="max-w-[320px] py-2">
                {actionsSummary(rule.actions, t).map((line) => (
                  <Text key={line} size="xsmall" className="truncate">{line}</Text>
                ))}
              </Table.Cell>
              <Table.Cell>{validity(rule)}</Table.Cell>
              <Table.Cell onClick={(e) => e.stopPropagation()}>
                <Switch checked={rule.enabled} aria-label={t("paymentRisk.rules.toggle", { name: rule.name })}
                  disabled={toggle.isPending} onCheckedChange={(enabled) => setEnabled(rule, enabled)} />
              </Table.Cell>
              <Table.Cell className="text-right" onClick={(e) => e.stopPropagation()}>
                <Button size="small" variant="transparent" onClick={() => setEditing(rule)}>{t("paymentRisk.rules.edit")}</Button>
                <Button size="small" variant="transparent" onClick={() => confirmDelete(rule)}>{t("paymentRisk.rules.delete")}</Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {error && <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>}
      {!isLoading && !error && !count && <Text size="small" className="text-ui-fg-subtle px-6 py-4">{t("paymentRisk.rules.empty")}</Text>}
      {count > PAGE_SIZE && (
        <Table.Pagination count={count} pageSize={PAGE_SIZE} pageIndex={page} pageCount={Math.ceil(count / PAGE_SIZE)}
          canPreviousPage={page > 0} canNextPage={(page + 1) * PAGE_SIZE < count}
          previousPage={() => setPage((p) => Math.max(0, p - 1))} nextPage={() => setPage((p) => p + 1)} />
      )}
      <RuleEditor open={!!editing} onOpenChange={(open) => !open && setEditing(undefined)} rule={editing} />
    </div>
  )
}
