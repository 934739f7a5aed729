import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { newListEntryExpiry } from "../../engine/privacy/retention"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { ImportRun, listImportRuns, openImportWriter } from "../../modules/payment-risk/repositories/negative-list-import"
import { ImportStore } from "./import-csv"

export type { ImportRun }

/** Rows per batch of the route's import: one transaction each (entries, audit rows, progress). */
export const IMPORT_BATCH_SIZE = 5000

/**
 * The route's import store: a database session of its own for the run (Medusa's shared
 * connection, the module's tables), each batch bulk-loaded with COPY and committed with the run's
 * progress (src/modules/payment-risk/repositories/negative-list-import.ts). Entries without an
 * expiry get the retention settings' default, read once per run. Call `release` when done.
 */
export async function openImportStore(
  container: MedusaContainer,
  service: PaymentRiskModuleService,
  actorId: string | null,
  batchSize = IMPORT_BATCH_SIZE
): Promise<ImportStore & { release(): Promise<void> }> {
  const settings = await service.getSettings()
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const writer = await openImportWriter(knex, { actorId, batchSize, defaultExpiry: (now) => newListEntryExpiry(settings, now) })
  return {
    writeBatch: (rows, progress) => writer.writeBatch(rows, progress),
    finish: (status, totals, error) => writer.finish(status, totals, error),
    runId: () => writer.runId(),
    release: () => writer.release(),
  }
}

/** The last import runs, newest first (a run whose server died reads `interrupted`). */
export async function listNegativeListImports(container: MedusaContainer, limit: number, offset: number) {
  return await listImportRuns(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION), limit, offset)
}
