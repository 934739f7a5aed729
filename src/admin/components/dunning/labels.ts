import { DUNNING_PLACEHOLDERS } from "../../../engine/dunning/placeholders"

export const KEY = "paymentRiskDunning"

/** The placeholders a stage's subject and text may use, in the order the help lists them. */
export const PLACEHOLDERS = DUNNING_PLACEHOLDERS
