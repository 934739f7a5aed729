import QRCode from "qrcode"

/**
 * The GiroCode symbol for an EPC payload (`engine/payment-instructions/epc-qr.ts`), drawn by the
 * `qrcode` package: error correction level M as EPC069-12 requires, the payload in byte mode as
 * UTF-8 (character set 1 of the payload), a quiet zone of 4 modules as the QR standard asks.
 */
const OPTIONS = { errorCorrectionLevel: "M" as const, margin: 4 }

function segments(payload: string) {
  return [{ data: new Uint8Array(Buffer.from(payload, "utf8")), mode: "byte" as const }]
}

/** Recent data URLs: a storefront polling the instructions of one order draws its code once. */
const DATA_URLS = new Map<string, Promise<string>>()
const DATA_URL_CACHE_SIZE = 256

/** A PNG as a `data:image/png;base64,…` URL (for a storefront's `<img src>`). */
export function epcQrDataUrl(payload: string, width = 240): Promise<string> {
  const key = `${width}\n${payload}`
  const cached = DATA_URLS.get(key)
  if (cached) return cached
  const drawn = QRCode.toDataURL(segments(payload), { ...OPTIONS, width, type: "image/png" })
  drawn.catch(() => DATA_URLS.delete(key))
  DATA_URLS.set(key, drawn)
  // Maps keep insertion order: the first key is the oldest
  if (DATA_URLS.size > DATA_URL_CACHE_SIZE) DATA_URLS.delete(DATA_URLS.keys().next().value!)
  return drawn
}

/** The PNG bytes (for a PDF letter). */
export function epcQrPng(payload: string, width = 300): Promise<Buffer> {
  return QRCode.toBuffer(segments(payload), { ...OPTIONS, width, type: "png" })
}

/** An SVG document. */
export function epcQrSvg(payload: string): Promise<string> {
  return QRCode.toString(segments(payload), { ...OPTIONS, type: "svg" })
}
