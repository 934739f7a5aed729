import { h, render, show } from "./dom"
import { t } from "./i18n"
import { listSecurityTips, TipPlacement } from "./risk-api"
import { safeFragment } from "./safe-html"

/**
 * Renders the merchant's security tips for one placement into `container` (an <aside> or
 * <section> with a heading). Hidden when there are no tips (or the route is not there).
 */
export async function renderSecurityTips(container: HTMLElement, placement: TipPlacement, titleTag: "h3" | "h4" = "h3"): Promise<number> {
  const tips = await listSecurityTips(placement)
  const list = container.querySelector<HTMLElement>("[data-tips-list]") ?? container
  render(
    list,
    ...tips.map((tip) =>
      h(
        "article",
        { class: "tip", "data-tip-id": tip.id },
        h(titleTag, { class: "tip-title" }, tip.title),
        h("div", { class: "tip-body" }, safeFragment(tip.html))
      )
    )
  )
  container.dataset.tipCount = String(tips.length)
  show(container, tips.length > 0)
  const heading = container.querySelector<HTMLElement>("[data-tips-heading]")
  if (heading) heading.textContent = t("tips.heading")
  return tips.length
}
