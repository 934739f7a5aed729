import { DEFAULT_SETTINGS, RiskRule, withDefaults } from ".."
import { backfilledListEntryExpiry, daysBefore, newListEntryExpiry, retentionPeriods } from "../privacy/retention"

const DAY = 86_400_000
const NOW = new Date("2026-12-03T10:00:00Z")

const velocityRule = (window_minutes: number, enabled = true): RiskRule => ({
  id: "prrule_1",
  name: "velocity",
  description: null,
  priority: 1,
  enabled,
  valid_from: null,
  valid_until: null,
  conditions: {
    type: "group",
    combinator: "and",
    children: [{ type: "condition", attribute: "velocity.ip", operator: "gte", value: 3, params: { window_minutes, source: "carts" } }],
  },
  actions: [],
  default_key: null,
})

describe("retention periods", () => {
  describe("when the settings are the defaults", () => {
    it("should apply the documented periods, assessments from the plugin option", () => {
      expect(retentionPeriods(DEFAULT_SETTINGS, 730)).toEqual({
        assessment_days: 730,
        cart_signal_days: 30,
        identity_observation_days: 7,
        credit_query_days: 90,
        review_event_days: 730,
        outcome_days: 1460,
        list_entry_grace_days: 30,
        list_audit_days: 1460,
        figures_days: 1460,
      })
    })

    it("should take the plugin option while the assessments' period is empty, and the setting once given", () => {
      expect(retentionPeriods(DEFAULT_SETTINGS, 365).assessment_days).toBe(365)
      expect(retentionPeriods(withDefaults({ retention: { assessment_days: 400 } }), 365).assessment_days).toBe(400)
    })
  })

  describe("when a check counts over a longer window than the period", () => {
    const short = withDefaults({
      retention: { cart_signal_days: 1, identity_observation_days: 1, credit_query_days: 1 },
      protection: { identity_window_minutes: 3 * 1440 },
      credit_check: { cache_days: 45 },
    })

    it("should keep velocity signals as long as the longest window of an enabled rule", () => {
      expect(retentionPeriods(short, 730, [velocityRule(60 * 24 * 60)]).cart_signal_days).toBe(60)
      expect(retentionPeriods(short, 730, [velocityRule(60 * 24 * 60, false)]).cart_signal_days).toBe(1)
      expect(retentionPeriods(withDefaults({ ...short, rules: { duplicate_window_minutes: 5 * 1440 } }), 730).cart_signal_days).toBe(5)
    })

    it("should keep identity observations for the probing window and credit queries for the cache", () => {
      const periods = retentionPeriods(short, 730)
      expect(periods.identity_observation_days).toBe(3)
      expect(periods.credit_query_days).toBe(45)
    })
  })

  describe("when a list entry gets its default expiry", () => {
    it("should expire a new entry after list_entry_days", () => {
      expect(newListEntryExpiry(DEFAULT_SETTINGS, NOW).getTime()).toBe(NOW.getTime() + 1095 * DAY)
      expect(newListEntryExpiry(withDefaults({ retention: { list_entry_days: 10 } }), NOW).getTime()).toBe(NOW.getTime() + 10 * DAY)
    })

    it("should count an older entry's expiry from its creation, but leave the grace period from now", () => {
      const created = new Date(NOW.getTime() - 100 * DAY)
      expect(backfilledListEntryExpiry(DEFAULT_SETTINGS, created, NOW).getTime()).toBe(created.getTime() + 1095 * DAY)
      const ancient = new Date(NOW.getTime() - 2000 * DAY)
      expect(backfilledListEntryExpiry(DEFAULT_SETTINGS, ancient, NOW).getTime()).toBe(NOW.getTime() + 30 * DAY)
    })
  })

  it("should count days back from now", () => {
    expect(daysBefore(NOW, 2).getTime()).toBe(NOW.getTime() - 2 * DAY)
  })
})
