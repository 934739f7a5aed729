import path from "node:path"
import HttpCreditCheckProvider from "./http"
import { CreditCheckProvider, CreditCheckProviderClass } from "./provider"
import SandboxCreditCheckProvider from "./sandbox"

export type CreditProviderConfig = { id: string; resolve: string; options?: Record<string, unknown> }

const BUILT_IN: Record<string, CreditCheckProviderClass> = {
  sandbox: SandboxCreditCheckProvider as CreditCheckProviderClass,
  http: HttpCreditCheckProvider as CreditCheckProviderClass,
}

/** Instantiates the configured providers: `sandbox`, `http`, or a package/path with a default-exported class. */
export function loadCreditProviders(configs: CreditProviderConfig[] = []): Map<string, CreditCheckProvider> {
  const providers = new Map<string, CreditCheckProvider>()
  for (const config of configs) {
    let Provider = BUILT_IN[config.resolve]
    if (!Provider) {
      const target = config.resolve.startsWith(".") ? path.resolve(process.cwd(), config.resolve) : config.resolve
      // check-layers: computed — the provider package or file the merchant configures (not a layer of this plugin)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(target)
      Provider = (loaded.default ?? loaded) as CreditCheckProviderClass
    }
    providers.set(config.id, new Provider(config.options ?? {}))
  }
  return providers
}
