/**
 * The data of a DataTable row as `onRowClick` hands it over: @medusajs/ui 4.2.6 types the row
 * as the data but passes TanStack's `Row`, whose data is `row.original`. Works with either.
 */
export function originalOf<T extends object>(row: T): T {
  const wrapped = row as T & { original?: T }
  return wrapped.original && typeof wrapped.original === "object" ? wrapped.original : row
}
