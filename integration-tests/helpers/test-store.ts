import { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "./admin"
import { AdminHeaders } from "./api"
import { shopper } from "./checkout"
import { seedStore, TestStore } from "./store"

type SuiteOptions = Parameters<Parameters<typeof medusaIntegrationTestRunner>[0]["testSuite"]>[0]

export type Shopper = ReturnType<typeof shopper>

/**
 * What a suite of `withTestStore` reads. `api` is the runner's HTTP client, one object for the
 * whole file; the others are getters: `store`, `admin` and `shop` are seeded afresh before each
 * test (read them inside a test or a hook, never while the suite is defined).
 */
export type TestStoreContext<S extends TestStore = TestStore> = {
  readonly api: SuiteOptions["api"]
  readonly container: MedusaContainer
  readonly dbConfig: SuiteOptions["dbConfig"]
  /** The German store of seedStore (or what `seed` made of it). */
  readonly store: S
  /** Headers of a new admin user's JWT. */
  readonly admin: AdminHeaders
  /** Store API calls of a shopper with the store's publishable key. */
  readonly shop: Shopper
}

export type TestStoreOptions<S extends TestStore = TestStore> = {
  /** jest's timeout per test and hook in ms; 120 s unless given. */
  timeout?: number
  /** false: no admin user is created (`admin` then throws). */
  admin?: boolean
  /** Seeds more after seedStore and before the admin; what it returns is `store`. */
  seed?: (container: MedusaContainer, store: TestStore) => Promise<S>
}

/**
 * The HTTP suite of a spec file: Medusa's integration runner with the app in process, and before
 * each test (the runner recreates the database per test) seedStore, `seed`, an admin user and a
 * shopper, in that order. Hooks the suite registers run after this seeding.
 */
export function withTestStore(suite: (ctx: TestStoreContext) => void): void
export function withTestStore<S extends TestStore = TestStore>(options: TestStoreOptions<S>, suite: (ctx: TestStoreContext<S>) => void): void
export function withTestStore<S extends TestStore>(
  ...args: [suite: (ctx: TestStoreContext<S>) => void] | [options: TestStoreOptions<S>, suite: (ctx: TestStoreContext<S>) => void]
): void {
  const [options, suite] = args.length === 1 ? [{} as TestStoreOptions<S>, args[0]] : args
  jest.setTimeout(options.timeout ?? 120 * 1000)

  medusaIntegrationTestRunner({
    inApp: true,
    env: {},
    testSuite: ({ api, getContainer, dbConfig }) => {
      let current: { store: S; admin: AdminHeaders | null; shop: Shopper } | null = null
      const seeded = () => {
        if (!current) throw new Error("withTestStore: the store is seeded before each test; read it inside a test or hook")
        return current
      }

      beforeEach(async () => {
        current = null
        const container = getContainer()
        const base = await seedStore(container)
        const store = options.seed ? await options.seed(container, base) : (base as S)
        const admin = options.admin === false ? null : await adminHeaders(container, api)
        current = { store, admin, shop: shopper(api, store) }
      })

      suite({
        api,
        get container() {
          return getContainer()
        },
        dbConfig,
        get store() {
          return seeded().store
        },
        get admin() {
          const { admin } = seeded()
          if (!admin) throw new Error("withTestStore: this suite has no admin (admin: false)")
          return admin
        },
        get shop() {
          return seeded().shop
        },
      })
    },
  })
}
