import { Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../../engine/negative-list/types"
import { FigureColumn, FigureTable } from "./figure-table"
import type { AnalyticsResponse } from "./types"

const KEY = "paymentRisk.figures.negativeList"

type KindRow = { kind: string; hits: number }
type SourceRow = { source: string; hits: number; added: number }

/** Negative-list hits per kind and per source, and the entries added per source. */
export const ListFigures = ({ data, file }: { data: AnalyticsResponse; file: string }) => {
  const { t } = useTranslation()
  const { hits, added_by_source } = data.negative_list
  const kinds: KindRow[] = [...new Set([...NEGATIVE_LIST_KINDS, ...Object.keys(hits.by_kind)])]
    .map((kind) => ({ kind, hits: hits.by_kind[kind] ?? 0 }))
    .filter((row) => row.hits > 0)
  const sources: SourceRow[] = [...new Set([...NEGATIVE_LIST_SOURCES, ...Object.keys(hits.by_source), ...Object.keys(added_by_source)])]
    .map((source) => ({ source, hits: hits.by_source[source] ?? 0, added: added_by_source[source] ?? 0 }))
    .filter((row) => row.hits > 0 || row.added > 0)
  const kindLabel = (kind: string) => t(`paymentRisk.listWidget.kinds.${kind}`, { defaultValue: kind })
  const sourceLabel = (source: string) =>
    source === "unknown" ? t(`${KEY}.unknownSource`) : t(`paymentRisk.listWidget.sources.${source}`, { defaultValue: source })
  const kindColumns: FigureColumn<KindRow>[] = [
    { id: "kind", header: t(`${KEY}.columns.kind`), value: (row) => kindLabel(row.kind) },
    { id: "hits", header: t(`${KEY}.columns.hits`), value: (row) => row.hits },
  ]
  const sourceColumns: FigureColumn<SourceRow>[] = [
    { id: "source", header: t(`${KEY}.columns.source`), value: (row) => sourceLabel(row.source) },
    { id: "hits", header: t(`${KEY}.columns.hits`), value: (row) => row.hits },
    { id: "added", header: t(`${KEY}.columns.added`), value: (row) => row.added },
  ]
  return (
    <div className="flex flex-col divide-y" data-testid="figures-negative-list">
      <div className="px-6 py-4">
        <Heading level="h2">{t(`${KEY}.title`)}</Heading>
        <Text size="small" className="text-ui-fg-subtle">{t(`${KEY}.hint`, { count: hits.total })}</Text>
      </div>
      <div className="grid grid-cols-1 divide-y lg:grid-cols-2 lg:divide-x lg:divide-y-0">
        <FigureTable testId="figures-list-kinds" title={t(`${KEY}.byKind`)} rows={kinds} columns={kindColumns}
          rowId={(row) => row.kind} file={`${file}-negative-list-kinds`} empty={t(`${KEY}.noHits`)} />
        <FigureTable testId="figures-list-sources" title={t(`${KEY}.bySource`)} rows={sources} columns={sourceColumns}
          rowId={(row) => row.source} file={`${file}-negative-list-sources`} empty={t(`${KEY}.noHits`)} />
      </div>
    </div>
  )
}
