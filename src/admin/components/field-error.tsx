import { Text } from "@medusajs/ui"

export const FieldError = ({ message }: { message?: string }) =>
  message ? (
    <Text size="small" className="text-ui-fg-error mt-1" role="alert">
      {message}
    </Text>
  ) : null
