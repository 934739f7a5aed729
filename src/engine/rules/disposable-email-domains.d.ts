declare module "disposable-email-domains" {
  /** The maintained list of disposable email domains. */
  const domains: string[]
  export default domains
}
