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

/** A PNG as a `data:image/png;base64,…` URL (for a storefront's `<img src>`). */
export function epcQrDataUrl(payload: string, width = 240): Promise<string> {
  return QRCode.toDataURL(segments(payload), { ...OPTIONS, width, type: "image/png" })
}

/** The PNG bytes (for a PDF letter). */
export function epcQrPng(payload: string, width = 300): Promise<Buffer> {
  return QRCode.toBuffer(segments(payload), { ...OPTIONS, width, type: "png" })
}

/** An SVG document. */
export function epcQrSvg(payload: string): Promise<string> {
  return QRCode.toString(segments(payload), { ...OPTIONS, type: "svg" })
}
