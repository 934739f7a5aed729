import { isReplayable, replayDecision, REPLAYABLE_VERSION } from "../../src/engine"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { GERMAN_ADDRESS } from "../helpers/checkout"
import { createCartIn } from "../helpers/rules"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/*
 * Issue 17: each assessment at completion keeps the engine's input as the rules read it — facts,
 * no personal data — so a draft rule set can be replayed on the merchant's own past orders.
 */

const PACKSTATION = {
  first_name: "Hans",
  last_name: "Meier",
  address_1: "Packstation 157",
  address_2: "Postnummer 12345678",
  postal_code: "10117",
  city: "Berlin",
  country_code: "de",
}

withTestStore((ctx) => {
  describe("when a new customer completes a cart that the default rules score", () => {
    it("should record a replayable input without personal data that replays to the same rules and score", async () => {
      const email = "replay-neu@example.com"
      const cart = await createCartIn(ctx.api, ctx.store, {
        regionId: ctx.store.regionId,
        variantId: ctx.store.cheapVariantId,
        email,
        quantity: 1,
        address: PACKSTATION,
        billing: GERMAN_ADDRESS,
      })
      const collection = await ctx.shop.paymentCollection(cart.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.prepayment)).status).toBe(200)
      expect((await ctx.shop.complete(cart.id)).data.type).toBe("order")

      const service = ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
      const [row] = await service.listRiskAssessments({ cart_id: cart.id })
      const stored = row.decision as { rules?: { score: number; rules: Array<{ rule_id: string; held: boolean }> } }
      const heldThen = (stored.rules?.rules ?? []).filter((rule) => rule.held).map((rule) => rule.rule_id)
      // the default rules for a first order to a packing station away from the billing address
      expect(heldThen.length).toBeGreaterThanOrEqual(2)
      expect(row.risk_score).toBeGreaterThan(0)

      const replayable = row.replayable as unknown
      expect(isReplayable(replayable)).toBe(true)
      if (!isReplayable(replayable)) return
      expect(replayable.version).toBe(REPLAYABLE_VERSION)
      expect(replayable.signals.packing_station).toBe(true)
      expect(replayable.signals.shipping_differs).toBe(true)
      expect(replayable.shipping).toEqual({ country_code: "de", postcode_prefix: "101" })

      // no name, street, postcode, email or cart id of the shopper
      const text = JSON.stringify(replayable)
      for (const personal of [email, "replay-neu", "Meier", "Hans", "Hauptstraße", "Packstation 157", "12345678", "10117", "10115", cart.id]) {
        expect(text).not.toContain(personal)
      }

      // replayed with today's rules and settings: the same rules hold, the same score
      const replay = replayDecision(replayable, { rules: await service.listEngineRules(), settings: await service.getSettings() })
      expect(replay.rules_held.sort()).toEqual([...heldThen].sort())
      expect(replay.score).toBe(row.risk_score)
      expect(replay.inexact).toEqual([])

      // erased on request like the rest of the row: its time, total and postcode prefix could be tied back to the order
      expect((await ctx.api.post("/admin/payment-risk/erasure", { email }, ctx.admin)).status).toBe(200)
      const [scrubbed] = await service.listRiskAssessments({ id: row.id })
      expect(scrubbed.cart_id).toBe(`erased:${row.id}`)
      expect(scrubbed.replayable).toBeNull()
    })
  })
})
