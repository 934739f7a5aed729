import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { ReviewDetail, ReviewDTO, ReviewFilter } from "./rules-types"
import { sdk } from "./sdk"

const reviewPath = (orderId: string) => `/admin/payment-risk/reviews/${encodeURIComponent(orderId)}`

export function useReviews(query: { status: ReviewFilter; limit: number; offset: number }) {
  return useQuery({
    // the page shown stays while the next page or filter loads
    placeholderData: keepPreviousData,
    queryKey: queryKeys.reviews.list(query),
    queryFn: () => sdk.client.fetch<{ reviews: ReviewDTO[]; count: number }>("/admin/payment-risk/reviews", { query }),
  })
}

/** The order's review with rules, hidden methods and history; null when the order has no assessment. */
export function useOrderReview(orderId: string) {
  return useQuery({
    queryKey: queryKeys.reviews.detail(orderId),
    enabled: !!orderId,
    retry: false,
    queryFn: async () => {
      try {
        return (await sdk.client.fetch<{ review: ReviewDetail }>(reviewPath(orderId))).review
      } catch (error) {
        if (error && typeof error === "object" && "status" in error && (error as { status: unknown }).status === 404) return null
        throw error
      }
    },
  })
}

export type ReviewAction = "approve" | "cancel" | "list"

/** approve / cancel (Medusa's order cancel) / list (adds email, phone and address to the negative list). */
export function useReviewAction(orderId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, note }: { action: ReviewAction; note?: string }) =>
      sdk.client.fetch<{ review: ReviewDetail }>(`${reviewPath(orderId)}/${action}`, {
        method: "POST",
        body: note ? { note } : {},
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: queryKeys.reviews.all })
      queryClient.invalidateQueries({ queryKey: queryKeys.assessments(orderId) })
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboardOrders })
      queryClient.invalidateQueries({ queryKey: queryKeys.negativeList.all })
    },
  })
}
