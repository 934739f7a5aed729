/**
 * The slice of the integration runner's HTTP client (axios against the app) that the helpers
 * use; the JSON bodies stay untyped, as the specs read them.
 */
export type ApiResponse = { status: number; data: any }

export type Api = {
  get: (url: string, config?: unknown) => Promise<ApiResponse>
  post: (url: string, body?: unknown, config?: unknown) => Promise<ApiResponse>
  delete: (url: string, config?: unknown) => Promise<ApiResponse>
}

/** Request config with the authorization header of an admin's JWT. */
export type AdminHeaders = { headers: Record<string, string> }
