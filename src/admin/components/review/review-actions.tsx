import { Button, Label, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/errors"
import { ReviewAction, useReviewAction } from "../../lib/review-hooks"
import type { ReviewDetail } from "../../lib/rules-types"

const KEY = "paymentRisk.reviewWidget"

/**
 * Approve (releases the order) and cancel (Medusa's order cancel) only while the order is held
 * for review; add to the negative list always: with a note, after a prompt.
 */
export const ReviewActions = ({ review }: { review: ReviewDetail }) => {
  const { t } = useTranslation()
  const prompt = usePrompt()
  const [note, setNote] = useState("")
  const act = useReviewAction(review.order_id)
  const pending = review.review_status === "pending"

  const run = async (action: ReviewAction) => {
    const ok = await prompt({
      title: t(`${KEY}.confirm.${action}.title`),
      description: t(`${KEY}.confirm.${action}.description`, { order: review.display_id ?? review.order_id }),
      confirmText: t(`${KEY}.confirm.${action}.confirm`),
      cancelText: t(`${KEY}.confirm.back`),
    })
    if (!ok) return
    act.mutate(
      { action, note: note.trim() || undefined },
      {
        onSuccess: () => {
          toast.success(t(`${KEY}.done.${action}`))
          setNote("")
        },
        onError: (error) => toast.error(t(`${KEY}.failed`), { description: errorMessage(error) }),
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor="review-note" size="small" weight="plus">{t(`${KEY}.note`)}</Label>
      <Textarea id="review-note" value={note} placeholder={t(`${KEY}.notePlaceholder`)} onChange={(e) => setNote(e.target.value)} />
      <div className="flex flex-wrap gap-2">
        {pending && (
          <Button size="small" isLoading={act.isPending && act.variables?.action === "approve"} onClick={() => run("approve")}>
            {t(`${KEY}.approve`)}
          </Button>
        )}
        {/* cancelling is for orders held for review, not for every order the widget shows */}
        {pending && (
          <Button size="small" variant="danger" isLoading={act.isPending && act.variables?.action === "cancel"} onClick={() => run("cancel")}>
            {t(`${KEY}.cancel`)}
          </Button>
        )}
        <Button size="small" variant="secondary" isLoading={act.isPending && act.variables?.action === "list"} onClick={() => run("list")}>
          {t(`${KEY}.list`)}
        </Button>
      </div>
    </div>
  )
}
