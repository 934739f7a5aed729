import { Api } from "./api"

/**
 * Registers a customer account with emailpass (Medusa does not verify the email) and returns
 * the store headers of its logged-in session (bearer token) and the customer id.
 */
export async function registerCustomer(api: Pick<Api, "post">, publishableKey: string, email: string) {
  const password = "kunden-passwort-123"
  const registered = await api.post("/auth/customer/emailpass/register", { email, password })
  const created = await api.post(
    "/store/customers",
    { email, first_name: "Konto", last_name: "Inhaber" },
    { headers: { "x-publishable-api-key": publishableKey, authorization: `Bearer ${registered.data.token}` } }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return {
    customerId: created.data.customer.id as string,
    headers: { "x-publishable-api-key": publishableKey, authorization: `Bearer ${login.data.token}` },
  }
}
