import { PencilSquare, Trash } from "@medusajs/icons"
import { ruleDescription, ruleName } from "../../lib/rule-text"
import {
  Badge,
  createDataTableColumnHelper,
  DataTable,
  DataTablePaginationState,
  Switch,
  Text,
  toast,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { useAnalytics, useStoreCurrencies } from "../../lib/figures-hooks"
import { useFormat } from "../../lib/format"
import { useDeleteRule, useRules, useToggleRule } from "../../lib/rules-hooks"
import type { RuleDTO } from "../../lib/rules-types"
import { ListPagination, onRowOpen } from "../data-table-parts"
import { periodRange } from "../figures/period"
import { actionsSummary } from "./labels"
import { RuleEditor } from "./rule-editor"

const PAGE_SIZE = 50
const FIGURE_DAYS = 30
const KEY = "paymentRisk.rules"
const columnHelper = createDataTableColumnHelper<RuleDTO>()

/** The rules by priority: on/off switch (saves at once), actions, validity; a row opens the editor. */
export const RuleTable = () => {
  const { t } = useTranslation()
  const format = useFormat()
  const prompt = usePrompt()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [editing, setEditing] = useState<RuleDTO | undefined>()
  const { data, isLoading, error } = useRules({ limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize })
  const toggle = useToggleRule()
  const remove = useDeleteRule()
  // each rule's figures of the last 30 days (the overview's numbers), in the store's currency
  const { data: currencies } = useStoreCurrencies()
  const range = useMemo(() => periodRange({ preset: FIGURE_DAYS }), [])
  const { data: analytics } = useAnalytics(range && currencies?.default ? { ...range, currency_code: currencies.default } : null)
  const figuresOf = useMemo(() => new Map((analytics?.rules ?? []).map((row) => [row.rule_id, row])), [analytics])

  const columns = useMemo(() => {
    const date = (iso: string | null) => (iso ? format.dateTime(iso, "short") : null)
    const validity = (rule: RuleDTO) => {
      const from = date(rule.valid_from)
      const until = date(rule.valid_until)
      if (!from && !until) return t(`${KEY}.always`)
      if (from && until) return `${from} – ${until}`
      return from ? t(`${KEY}.from`, { date: from }) : t(`${KEY}.until`, { date: until })
    }
    const setEnabled = (rule: RuleDTO, enabled: boolean) =>
      toggle.mutate(
        { id: rule.id, enabled },
        {
          onSuccess: () => toast.success(t(enabled ? `${KEY}.switchedOn` : `${KEY}.switchedOff`, { name: ruleName(rule, t) })),
          onError: (e) => toast.error(errorMessage(e)),
        }
      )
    const confirmDelete = async (rule: RuleDTO) => {
      const ok = await prompt({
        title: t(`${KEY}.deleteTitle`),
        description: t(rule.default_key ? `${KEY}.deleteDefault` : `${KEY}.deleteText`, { name: ruleName(rule, t) }),
        confirmText: t(`${KEY}.delete`),
        cancelText: t(`${KEY}.cancel`),
      })
      if (ok) remove.mutate(rule.id, { onSuccess: () => toast.success(t(`${KEY}.deleted`)), onError: (e) => toast.error(errorMessage(e)) })
    }

    return [
      columnHelper.accessor("name", {
        header: t(`${KEY}.fields.name`),
        size: 420,
        // name and description in the admin's language (a default rule's shipped texts translated), wrapped
        cell: ({ row: { original: rule } }) => {
          const description = ruleDescription(rule, t)
          return (
            <div className="flex flex-col py-2 whitespace-normal break-words">
              <div className="flex flex-wrap items-center gap-x-2">
                <Text size="small" weight="plus">{ruleName(rule, t)}</Text>
                {rule.default_key && <Badge size="2xsmall">{t(`${KEY}.default`)}</Badge>}
              </div>
              {description && <Text size="xsmall" className="text-ui-fg-subtle" data-testid="rule-description">{description}</Text>}
            </div>
          )
        },
      }),
      columnHelper.accessor("priority", { header: t(`${KEY}.fields.priority`), size: 90 }),
      columnHelper.accessor("actions", {
        header: t(`${KEY}.actionsTitle`),
        size: 260,
        cell: ({ getValue }) => (
          <div className="flex flex-col py-2">
            {actionsSummary(getValue(), t).map((line) => <Text key={line} size="xsmall" className="whitespace-normal">{line}</Text>)}
          </div>
        ),
      }),
      columnHelper.display({ id: "validity", header: t(`${KEY}.validity`), cell: ({ row }) => validity(row.original) }),
      columnHelper.display({
        id: "figures",
        header: t(`${KEY}.figures.header`, { count: FIGURE_DAYS }),
        size: 200,
        cell: ({ row }) => {
          const figures = figuresOf.get(row.original.id)
          if (!analytics) return null
          if (!figures || figures.held + figures.flagged === 0) return <Text size="xsmall" className="text-ui-fg-subtle">{t(`${KEY}.figures.none`)}</Text>
          return (
            <div className="flex flex-col py-2" data-testid="rule-figures">
              <Text size="xsmall">{t(`${KEY}.figures.held`, { count: figures.held })}</Text>
              <Text size="xsmall">{t(`${KEY}.figures.restricted`, { count: figures.restricted })}</Text>
              {figures.flagged > 0 && <Text size="xsmall">{t(`${KEY}.figures.flagged`, { count: figures.flagged })}</Text>}
              {figures.defaulted > 0 && <Text size="xsmall" className="text-ui-fg-error">{t(`${KEY}.figures.defaulted`, { count: figures.defaulted })}</Text>}
            </div>
          )
        },
      }),
      columnHelper.accessor("enabled", {
        header: t(`${KEY}.fields.enabled`),
        size: 100,
        cell: ({ row: { original: rule } }) => (
          <Switch checked={rule.enabled} aria-label={t(`${KEY}.toggle`, { name: ruleName(rule, t) })}
            disabled={toggle.isPending} onCheckedChange={(enabled) => setEnabled(rule, enabled)} />
        ),
      }),
      columnHelper.action({
        actions: ({ row }) => [
          [{ label: t(`${KEY}.edit`), icon: <PencilSquare />, onClick: () => setEditing(row.original) }],
          [{ label: t(`${KEY}.delete`), icon: <Trash />, onClick: () => confirmDelete(row.original) }],
        ],
      }),
    ]
  }, [t, format, prompt, toggle, remove, analytics, figuresOf])

  const table = useDataTable({
    data: data?.rules ?? [],
    columns,
    getRowId: (rule) => rule.id,
    rowCount: data?.count ?? 0,
    isLoading,
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: onRowOpen(setEditing),
  })

  return (
    <>
      <DataTable instance={table}>
        <DataTable.Table emptyState={{ empty: { heading: t(`${KEY}.empty`) } }} />
        {error && <Text size="small" className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>}
        <ListPagination />
      </DataTable>
      <RuleEditor open={!!editing} onOpenChange={(open) => !open && setEditing(undefined)} rule={editing} />
    </>
  )
}
