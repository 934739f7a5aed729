import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { KEY, PLACEHOLDERS } from "./labels"

/** What each {placeholder} in a stage's subject and text turns into when the notice goes out. */
export const PlaceholderHelp = () => {
  const { t } = useTranslation()
  return (
    <details className="rounded-lg border px-4 py-3">
      <summary className="txt-compact-small-plus cursor-pointer">{t(`${KEY}.placeholders.title`)}</summary>
      <Text size="small" className="text-ui-fg-subtle mt-2">{t(`${KEY}.placeholders.intro`)}</Text>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 md:grid-cols-[200px_1fr]">
        {PLACEHOLDERS.map((name) => (
          <div key={name} className="contents">
            <dt><code className="txt-compact-small bg-ui-bg-subtle rounded px-1">{`{${name}}`}</code></dt>
            <dd><Text size="small">{t(`${KEY}.placeholders.${name}`)}</Text></dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
