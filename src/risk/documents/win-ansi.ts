/**
 * PDF standard fonts (Helvetica) write text in the WinAnsi encoding: Latin-1 plus `€ „ “ ” – —`
 * and a few more. Any other character would print as garbage, so text for a letter goes through
 * `toWinAnsi` first: accents it cannot show are dropped (`ł` → `l`, `ş` → `s`, `Ő` → `O`), and
 * anything else (emoji, other scripts) becomes `?`. Line breaks and tabs stay.
 */
const EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
const FOLD: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", ı: "i", Ħ: "H", ħ: "h", ŀ: "l", Ŀ: "L", "\u2009": " ", "\u202f": " " }

function printable(char: string): boolean {
  const code = char.codePointAt(0)!
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || code === 0x09 || EXTRA.includes(char)
}

export function toWinAnsi(text: string): string {
  let out = ""
  for (const char of text.replace(/\r\n?/g, "\n")) {
    if (printable(char)) {
      out += char
      continue
    }
    const folded = FOLD[char] ?? char.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    out += Array.from(folded).every(printable) && folded ? folded : "?"
  }
  return out
}
