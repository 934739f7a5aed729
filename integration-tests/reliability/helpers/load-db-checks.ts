/**
 * What the database must say after many completions: per cart at most one order and at most one
 * assessment; per order exactly one assessment link (to its own cart's assessment) and at most
 * one review flag; no accepted completion without its order, no refused one with an order.
 * Plain SQL (id lists passed as one comma-separated text), so the in-process load test (knex) and the multi-instance test (pg) share it.
 */
export type Sql = (text: string, params?: unknown[]) => Promise<any[]>

/** The module-link table between orders and assessments (src/links/order-risk-assessment.ts). */
export async function assessmentLinkTable(sql: Sql): Promise<string> {
  const rows = await sql(
    `select table_name from information_schema.columns
      where table_schema = current_schema() and column_name in ('order_id', 'risk_assessment_id')
      group by table_name having count(*) = 2`
  )
  if (rows.length !== 1) {
    throw new Error(`expected one order↔assessment link table, found ${JSON.stringify(rows)}`)
  }
  return rows[0].table_name as string
}

export type CartState = {
  cart_id: string
  order_ids: string[]
  assessments: Array<{ id: string; outcome: string; order_id: string | null; review_status: string }>
  /** link rows per order of this cart */
  links: Array<{ order_id: string; risk_assessment_id: string }>
  /** review events of kind `flagged` per order of this cart */
  flags: Record<string, number>
}

/** Orders, assessments, links and review flags of the given carts, straight from the tables. */
export async function loadCartStates(sql: Sql, cartIds: string[]): Promise<Map<string, CartState>> {
  const linkTable = await assessmentLinkTable(sql)
  const states = new Map<string, CartState>(
    cartIds.map((id) => [id, { cart_id: id, order_ids: [], assessments: [], links: [], flags: {} }])
  )
  const orders = await sql(`select cart_id, order_id from order_cart where deleted_at is null and cart_id = any(string_to_array($1, ','))`, [cartIds.join(",")])
  for (const row of orders) states.get(row.cart_id)!.order_ids.push(row.order_id)
  const assessments = await sql(
    `select id, cart_id, outcome, order_id, review_status from payment_risk_assessment
      where deleted_at is null and cart_id = any(string_to_array($1, ','))`,
    [cartIds.join(",")]
  )
  for (const row of assessments) {
    states.get(row.cart_id)!.assessments.push({ id: row.id, outcome: row.outcome, order_id: row.order_id, review_status: row.review_status })
  }
  const orderIds = orders.map((row) => row.order_id)
  const cartOfOrder = new Map(orders.map((row) => [row.order_id as string, row.cart_id as string]))
  const links = await sql(
    `select order_id, risk_assessment_id from "${linkTable}" where deleted_at is null and order_id = any(string_to_array($1, ','))`,
    [orderIds.join(",")]
  )
  for (const row of links) states.get(cartOfOrder.get(row.order_id)!)!.links.push(row)
  const flags = await sql(
    `select order_id, count(*)::int as n from payment_risk_review_event
      where deleted_at is null and action = 'flagged' and order_id = any(string_to_array($1, ',')) group by order_id`,
    [orderIds.join(",")]
  )
  for (const row of flags) states.get(cartOfOrder.get(row.order_id)!)!.flags[row.order_id] = row.n
  return states
}

/** True once the order.placed subscribers have linked every order of these carts. */
export function subscribersDone(states: Map<string, CartState>): boolean {
  for (const state of states.values()) {
    for (const orderId of state.order_ids) {
      if (!state.links.some((link) => link.order_id === orderId)) return false
      if (!state.assessments.some((a) => a.order_id === orderId)) return false
    }
  }
  return true
}

/** Polls until the subscribers are done or the deadline passes; returns the last states. */
export async function waitForSubscribers(sql: Sql, cartIds: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const states = await loadCartStates(sql, cartIds)
    if (subscribersDone(states) || Date.now() > deadline) return states
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Every violation of the invariants above, as readable lines (empty when all hold). */
export function invariantViolations(states: Map<string, CartState>): string[] {
  const problems: string[] = []
  for (const s of states.values()) {
    if (s.order_ids.length > 1) problems.push(`cart ${s.cart_id}: ${s.order_ids.length} orders`)
    if (s.assessments.length > 1) problems.push(`cart ${s.cart_id}: ${s.assessments.length} assessments`)
    const [assessment] = s.assessments
    for (const orderId of s.order_ids) {
      const links = s.links.filter((link) => link.order_id === orderId)
      if (links.length !== 1) problems.push(`order ${orderId}: ${links.length} assessment links`)
      if (!assessment) problems.push(`order ${orderId}: no assessment`)
      else if (links.length === 1 && links[0].risk_assessment_id !== assessment.id) {
        problems.push(`order ${orderId}: linked to ${links[0].risk_assessment_id}, not its cart's assessment ${assessment.id}`)
      }
      if (assessment && assessment.outcome !== "accepted") problems.push(`order ${orderId}: assessment ${assessment.outcome}`)
      if (assessment && assessment.order_id !== orderId) problems.push(`order ${orderId}: assessment.order_id ${assessment.order_id}`)
      if ((s.flags[orderId] ?? 0) > 1) problems.push(`order ${orderId}: flagged ${s.flags[orderId]} times`)
    }
    if (assessment?.outcome === "accepted" && !s.order_ids.length) {
      problems.push(`cart ${s.cart_id}: accepted assessment without an order`)
    }
  }
  return problems
}
