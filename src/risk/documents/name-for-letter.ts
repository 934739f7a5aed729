/**
 * A shopper's name as a letter or email addresses her: one line (line breaks and runs of spaces
 * become one space) and at most 60 characters, so a name typed at checkout cannot add paragraphs
 * ("our bank details have changed …") to a letter in the shop's name.
 */
export function nameForLetter(name: string | null | undefined): string {
  return (name ?? "").replace(/\s+/g, " ").trim().slice(0, 60).trim()
}
