import { Badge, Heading, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useTipPreview } from "../../lib/tips-hooks"

/**
 * Live preview of the tip being edited, rendered by the server exactly as shoppers get it
 * (placeholders filled, sentences needing an empty shop detail left out, Markdown made safe).
 * The HTML comes from that renderer, never from input.
 */
export const TipPreview = ({ title, body, enabled }: { title: string; body: string; enabled: boolean }) => {
  const { t } = useTranslation()
  const { data, isError, isFetching } = useTipPreview(title, body, enabled)
  return (
    <section aria-live="polite" aria-busy={isFetching} className="flex flex-col gap-y-2">
      <Text size="small" weight="plus">{t("paymentRiskTips.preview.title")}</Text>
      <div className="bg-ui-bg-subtle shadow-borders-base rounded-lg px-4 py-3">
        {data?.title && <Heading level="h3" className="mb-2">{data.title}</Heading>}
        {data?.html ? (
          <div
            className="txt-small text-ui-fg-base [&_a]:text-ui-fg-interactive [&_a]:underline [&_li]:ml-4 [&_ol]:list-decimal [&_p]:mb-2 [&_ul]:list-disc"
            dangerouslySetInnerHTML={{ __html: data.html }}
          />
        ) : (
          <Text size="small" className="text-ui-fg-muted">
            {t(data?.display === "hidden" ? "paymentRiskTips.preview.hidden" : "paymentRiskTips.preview.empty")}
          </Text>
        )}
      </div>
      {isError && <Text size="small" className="text-ui-fg-error">{t("paymentRiskTips.preview.failed")}</Text>}
      {!!data?.missing_placeholders.length && data.display !== "full" && (
        <div className="flex flex-wrap items-center gap-1" role="note">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t(data.display === "hidden" ? "paymentRiskTips.preview.missing" : "paymentRiskTips.preview.shortened")}
          </Text>
          {data.missing_placeholders.map((name) => (
            <Badge key={name} size="2xsmall" color={data.display === "hidden" ? "orange" : "blue"}>
              {t(`paymentRiskTips.shop.fields.${name}`)} {`{${name}}`}
            </Badge>
          ))}
        </div>
      )}
    </section>
  )
}
