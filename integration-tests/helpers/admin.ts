import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

import { AdminHeaders, Api } from "./api"

/** Creates an admin user with an emailpass identity and returns headers with its JWT. */
export async function adminHeaders(container: MedusaContainer, api: Pick<Api, "post">): Promise<AdminHeaders> {
  const email = `admin-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`
  const password = "supersecret-password"
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email })
  const { authIdentity } = await authModule.register("emailpass", {
    body: { email, password },
  } as Parameters<typeof authModule.register>[1])
  await authModule.updateAuthIdentities({
    id: authIdentity!.id,
    app_metadata: { user_id: user.id },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}
