/** Amounts in major units, summed in cents so that 0.1 + 0.2 is 0.3. */
export const cents = (amount: number): number => Math.round(amount * 100)
export const fromCents = (value: number): number => value / 100
export const roundMoney = (amount: number): number => fromCents(cents(amount))

export type CountAmount = { count: number; amount: number }

/** A running count and amount (in cents until read). */
export class Tally {
  private counted = 0
  private sum = 0
  add(amount: number): void {
    this.counted += 1
    this.sum += cents(Number.isFinite(amount) ? amount : 0)
  }
  get count(): number {
    return this.counted
  }
  get amount(): number {
    return fromCents(this.sum)
  }
  read(): CountAmount {
    return { count: this.counted, amount: this.amount }
  }
}
