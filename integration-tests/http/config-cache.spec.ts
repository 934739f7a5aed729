import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DEFAULT_SETTINGS } from "../../src/engine"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { createRiskRuleWorkflow } from "../../src/workflows/rules/create-risk-rule"
import { deleteRiskRuleWorkflow } from "../../src/workflows/rules/delete-risk-rule"
import { updateRiskRuleWorkflow } from "../../src/workflows/rules/update-risk-rule"
import { setProviderClassWorkflow } from "../../src/workflows/provider-classes/set-provider-class"
import { updateSettingsWorkflow } from "../../src/workflows/settings/update-settings"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/*
 * The settings, rules and provider classes are kept in memory per version token
 * (PaymentRiskModuleService.readConfig, Migration20261205A0001): every write to their tables
 * renews the token in its transaction. Each write path below runs while this instance holds
 * them in memory, and the next read must see the write — through the plugin's workflows, their
 * compensations, the rules' seed, and plain SQL from "another instance" (its own connection,
 * nothing in this process is told). A write path that did not renew the token fails here.
 */

type Db = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> }

withTestStore((ctx) => {
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const db = () => ctx.container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)
  const codMax = async () => (await (await service().readConfig()).settings()).first_order.cod_max_amount
  const ruleNames = async () => (await (await service().readConfig()).rules()).map((rule) => `${rule.name}${rule.enabled ? "" : " (off)"}`)
  const invoiceClass = async () => (await (await service().readConfig()).providerClasses([PROVIDERS.invoice]))[0].risk_class
  const ownRule = (name: string) => ({
    name,
    priority: 1,
    enabled: true,
    conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gt", value: 100 }] },
    actions: [{ type: "add_score", points: 5 }],
  })

  /** warms the cache, writes, reads again */
  const seen = async <T>(read: () => Promise<T>, write: () => Promise<unknown>) => {
    const before = await read()
    expect(await read()).toEqual(before)
    await write()
    return { before, after: await read() }
  }

  describe("when nothing was written", () => {
    it("should read the settings, rules and classes once and then only the version token", async () => {
      // the first read of the rules seeds the defaults (a write: a new token), the second round is read under it
      for (let round = 0; round < 2; round++) {
        await codMax()
        await ruleNames()
        await invoiceClass()
      }
      const settingsReads = jest.spyOn(service(), "listRiskSettings")
      const ruleReads = jest.spyOn(service(), "listRiskRules")
      const classReads = jest.spyOn(service(), "listProviderClassifications")
      try {
        for (let i = 0; i < 5; i++) {
          expect(await codMax()).toBe(DEFAULT_SETTINGS.first_order.cod_max_amount)
          expect((await ruleNames()).length).toBeGreaterThan(0)
          expect(await invoiceClass()).toBe("invoice")
        }
        expect([settingsReads.mock.calls.length, ruleReads.mock.calls.length, classReads.mock.calls.length]).toEqual([0, 0, 0])
      } finally {
        settingsReads.mockRestore()
        ruleReads.mockRestore()
        classReads.mockRestore()
      }
    })

    it("should hand out copies: a caller changing its settings changes nobody else's", async () => {
      const first = await (await service().readConfig()).settings()
      first.first_order.cod_max_amount = 1
      expect(await codMax()).toBe(DEFAULT_SETTINGS.first_order.cod_max_amount)
    })
  })

  describe("when the settings are written", () => {
    it.each([
      ["the settings workflow (admin route)", () => updateSettingsWorkflow(ctx.container).run({ input: { update: { first_order: { cod_max_amount: 111 } } } })],
      ["the module's saveSettings (the workflow's compensation)", () => service().saveSettings({ ...DEFAULT_SETTINGS, first_order: { ...DEFAULT_SETTINGS.first_order, cod_max_amount: 111 } })],
      [
        "plain SQL on another connection (another instance, a manual edit)",
        async () => {
          await updateSettingsWorkflow(ctx.container).run({ input: { update: { first_order: { cod_max_amount: 222 } } } })
          await codMax()
          await db().raw(`update payment_risk_settings set "values" = jsonb_set("values", '{first_order,cod_max_amount}', '111') where scope = 'store'`)
        },
      ],
    ])("should read the new settings at once after %s", async (_path, write) => {
      const { after } = await seen(codMax, write)
      expect(after).toBe(111)
    })
  })

  describe("when the rules are written", () => {
    it("should read a rule created by the workflow at once", async () => {
      const { before, after } = await seen(ruleNames, () => createRiskRuleWorkflow(ctx.container).run({ input: { rule: ownRule("Eigene Regel"), actor_id: null } }))
      expect(before).not.toContain("Eigene Regel")
      expect(after).toContain("Eigene Regel")
    })

    it("should read a rule updated, deleted and restored (the delete's compensation) at once", async () => {
      const { result } = await createRiskRuleWorkflow(ctx.container).run({ input: { rule: ownRule("Eigene Regel"), actor_id: null } })
      const id = result.rule.id
      const updated = await seen(ruleNames, () => updateRiskRuleWorkflow(ctx.container).run({ input: { id, update: { enabled: false }, actor_id: null } }))
      expect(updated.after).toContain("Eigene Regel (off)")
      const deleted = await seen(ruleNames, () => deleteRiskRuleWorkflow(ctx.container).run({ input: { id } }))
      expect(deleted.after).not.toContain("Eigene Regel (off)")
      const restored = await seen(ruleNames, () => service().restoreRiskRules([id]))
      expect(restored.after).toContain("Eigene Regel (off)")
    })

    it("should read a rule inserted with plain SQL on another connection at once", async () => {
      const { after } = await seen(ruleNames, () =>
        db().raw(`insert into payment_risk_rule (id, name, priority, enabled, conditions, actions) values ('prrule_sql', 'Von Hand', 1, true, ?::jsonb, '[]'::jsonb)`, [
          JSON.stringify(ownRule("x").conditions),
        ])
      )
      expect(after).toContain("Von Hand")
    })

    it("should seed the defaults again when another instance removed them with the seed's marker", async () => {
      const ids = async () => (await (await service().readConfig()).rules()).map((rule) => rule.id).sort()
      const { before, after } = await seen(ids, async () => {
        await db().raw(`delete from payment_risk_rule`)
        await db().raw(`delete from payment_risk_settings where scope = 'rules_seeded'`)
      })
      expect(after).toHaveLength(before.length)
      expect(after).not.toEqual(before)
    })
  })

  describe("when a provider class is written", () => {
    it("should read the class set by the workflow, and removed by its compensation, at once", async () => {
      const set = await seen(invoiceClass, () => setProviderClassWorkflow(ctx.container).run({ input: { provider_id: PROVIDERS.invoice, risk_class: "prepayment" } }))
      expect(set).toEqual({ before: "invoice", after: "prepayment" })
      const rows = await service().listProviderClassifications({ provider_id: PROVIDERS.invoice })
      const removed = await seen(invoiceClass, () => service().deleteProviderClassifications(rows.map((row) => row.id)))
      expect(removed.after).toBe("invoice")
    })

    it("should read a class written with plain SQL on another connection at once", async () => {
      const { after } = await seen(invoiceClass, () =>
        db().raw(`insert into payment_risk_provider_class (id, provider_id, risk_class) values ('prpc_sql', ?, 'card')`, [PROVIDERS.invoice])
      )
      expect(after).toBe("card")
    })
  })

  describe("when the settings change while a shopper's cart is cached", () => {
    it("should decide the next request of the store route with the new settings", async () => {
      await updateSettingsWorkflow(ctx.container).run({ input: { update: { first_order: { enabled: true } } } })
      const cart = await ctx.shop.createCart({ email: "neu@example.com" })
      expect(await ctx.shop.allowedIds(cart.id)).not.toContain(PROVIDERS.invoice)
      expect(await ctx.shop.allowedIds(cart.id)).not.toContain(PROVIDERS.invoice)
      await db().raw(`update payment_risk_settings set "values" = jsonb_set("values", '{first_order,enabled}', 'false') where scope = 'store'`)
      expect(await ctx.shop.allowedIds(cart.id)).toContain(PROVIDERS.invoice)
    })
  })
})
