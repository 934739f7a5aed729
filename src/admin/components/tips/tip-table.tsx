import { Badge, Button, InlineTip, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { SecurityTip, useDeleteSecurityTip, useSecurityTips, useToggleSecurityTip } from "../../lib/tips-hooks"
import { ShopDetailsBadge } from "./shop-details-badge"
import { TipDrawer } from "./tip-drawer"
import { TipFilters } from "./tip-filters"

const PAGE_SIZE = 20

/** The tips, placement then rank; a row opens the editor, the switch turns a tip on or off. */
export const TipTable = ({ filters }: { filters: TipFilters }) => {
  const { t, i18n } = useTranslation()
  const prompt = usePrompt()
  const [page, setPage] = useState(0)
  const [editing, setEditing] = useState<SecurityTip | undefined>()
  const [pageFilters, setPageFilters] = useState(filters)
  if (pageFilters !== filters) {
    setPageFilters(filters)
    setPage(0)
  }
  const { data, isLoading, error } = useSecurityTips({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const toggle = useToggleSecurityTip()
  const remove = useDeleteSecurityTip()
  const count = data?.count ?? 0
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language) : "")

  const validity = (tip: SecurityTip) =>
    !tip.valid_from && !tip.valid_until
      ? t("paymentRiskTips.always")
      : t("paymentRiskTips.window", { from: date(tip.valid_from) || "…", until: date(tip.valid_until) || "…" })

  const setActive = (tip: SecurityTip, active: boolean) =>
    toggle.mutate({ id: tip.id, active }, { onError: (e) => toast.error(errorMessage(e)) })

  const confirmDelete = async (tip: SecurityTip) => {
    const ok = await prompt({
      title: t("paymentRiskTips.deleteTitle"),
      description: t(tip.default_key ? "paymentRiskTips.deleteDefault" : "paymentRiskTips.deleteDescription", { title: tip.title }),
      confirmText: t("paymentRiskTips.delete"),
      cancelText: t("paymentRiskTips.cancel"),
    })
    if (ok) {
      remove.mutate(tip.id, {
        onSuccess: () => toast.success(t("paymentRiskTips.deleted")),
        onError: (e) => toast.error(errorMessage(e)),
      })
    }
  }

  const shortened = data?.tips.some((tip) => tip.display !== "full")

  return (
    <div className="flex flex-col">
      {shortened && (
        <InlineTip variant="info" label={t("paymentRiskTips.shop.title")} className="mx-6 my-3">
          {t("paymentRiskTips.shortenedHint")}
        </InlineTip>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("paymentRiskTips.fields.title")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRiskTips.fields.placement")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRiskTips.fields.locale")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRiskTips.fields.rank")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRiskTips.fields.validity")}</Table.HeaderCell>
            <Table.HeaderCell>{t("paymentRiskTips.fields.active")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.tips.map((tip) => (
            <Table.Row key={tip.id} className="cursor-pointer" onClick={() => setEditing(tip)}>
              <Table.Cell className="max-w-[360px] py-2">
                <Text size="small" className="truncate">{tip.title}</Text>
                <ShopDetailsBadge display={tip.display} missing={tip.missing_placeholders} />
              </Table.Cell>
              <Table.Cell><Badge size="2xsmall">{t(`paymentRiskTips.placements.${tip.placement}`)}</Badge></Table.Cell>
              <Table.Cell>{tip.locale.toUpperCase()}</Table.Cell>
              <Table.Cell>{tip.rank}</Table.Cell>
              <Table.Cell>{validity(tip)}</Table.Cell>
              <Table.Cell onClick={(e) => e.stopPropagation()}>
                <Switch checked={tip.active} aria-label={t("paymentRiskTips.toggle", { title: tip.title })}
                  disabled={toggle.isPending} onCheckedChange={(active) => setActive(tip, active)} />
              </Table.Cell>
              <Table.Cell className="text-right" onClick={(e) => e.stopPropagation()}>
                <Button size="small" variant="transparent" onClick={() => setEditing(tip)}>{t("paymentRiskTips.edit")}</Button>
                <Button size="small" variant="transparent" onClick={() => confirmDelete(tip)}>{t("paymentRiskTips.delete")}</Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {error && <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>}
      {!isLoading && !error && !count && <Text size="small" className="text-ui-fg-subtle px-6 py-4">{t("paymentRiskTips.empty")}</Text>}
      {count > PAGE_SIZE && (
        <Table.Pagination count={count} pageSize={PAGE_SIZE} pageIndex={page} pageCount={Math.ceil(count / PAGE_SIZE)}
          canPreviousPage={page > 0} canNextPage={(page + 1) * PAGE_SIZE < count}
          previousPage={() => setPage((p) => Math.max(0, p - 1))} nextPage={() => setPage((p) => p + 1)} />
      )}
      <TipDrawer open={!!editing} onOpenChange={(open) => !open && setEditing(undefined)} tip={editing} />
    </div>
  )
}
