import { Text } from "@medusajs/ui"

/** One figure of a card row: label, value, and a line under it. */
export const Stat = ({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) => (
  <div className="flex flex-col gap-y-0.5 rounded-lg border border-ui-border-base px-4 py-3" data-testid={testId}>
    <Text size="xsmall" className="text-ui-fg-subtle">{label}</Text>
    <Text size="xlarge" weight="plus">{value}</Text>
    {note && <Text size="xsmall" className="text-ui-fg-subtle">{note}</Text>}
  </div>
)

/** Chart colours that read on the admin's light and dark backgrounds. */
export const CHART_COLORS = { blue: "#3B82F6", orange: "#F59E0B", green: "#10B981", red: "#EF4444", grey: "#94A3B8", violet: "#8B5CF6" } as const
