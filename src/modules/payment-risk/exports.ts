/**
 * The types and constants of the module that the rest of the plugin uses, re-exported by
 * service.ts (`import { … } from "…/modules/payment-risk/service"`).
 */
export { ERASED } from "./repositories/assessments"
export type { AssessmentInput } from "./repositories/assessments"
export type { CartSignalRow, SignalCount } from "./repositories/cart-signals"
export { CREDIT_LIMIT_WINDOW_SECONDS } from "./repositories/credit"
export type { CreditRequest, CreditReservationResult } from "./repositories/credit"
export type { ShopperErasurePlan, ShopperErasureResult } from "./repositories/erasure"
export { EXPORT_COLUMNS } from "./repositories/negative-list-queries"
export type { ListEntryCandidate, ListEntryFilters, ShopperListCriteria } from "./repositories/negative-list-queries"
export type { RetentionResult } from "./repositories/retention"
export type { DefaultRuleRow } from "./repositories/rules"
export type { ProviderClassView } from "./repositories/settings"
export { toEngineRule } from "./types/rule-json"
export type { StoredDecision } from "./types/stored-decision"
export { readStoredDecision } from "./types/stored-decision"
export { readRuleActions, readRuleConditions, ruleJsonColumns } from "./types/rule-json"
export { auditChanges, readAuditChanges } from "./types/audit-changes"
export type { AuditChanges } from "./types/audit-changes"
