/** Badge colour of a review status (queue and order widget). */
export const STATUS_COLOR = { none: "grey", pending: "orange", approved: "green", cancelled: "red" } as const
