/**
 * The text of an uncompressed pdfkit PDF (`compress: false`), one string per text operator
 * (`[<hex> kern <hex>] TJ`), decoded from WinAnsi; non-breaking spaces read as spaces. Enough to
 * check what a letter prints without a PDF parser in the dependencies.
 */
const WIN_ANSI_80_9F = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ"

function decodeWinAnsi(bytes: Buffer): string {
  return Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80_9F[byte - 0x80] : String.fromCharCode(byte))).join("")
}

export function pdfTexts(pdf: Buffer): string[] {
  const source = pdf.toString("latin1")
  const texts: string[] = []
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
    const hex = [...match[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1]).join("")
    texts.push(decodeWinAnsi(Buffer.from(hex, "hex")).replace(/\u00a0/g, " "))
  }
  return texts
}
