import QRCode from "qrcode"
import { epcQrPayload } from "../../../engine/payment-instructions/epc-qr"
import { epcQrDataUrl, epcQrSvg } from "../epc-qr-image"

const payload = epcQrPayload({ name: "Müller Shop", iban: "DE89370400440532013000", amount: 12.34, currency_code: "EUR", reference: "MUELLERSHOP 7" })!
const bytes = [{ data: new Uint8Array(Buffer.from(payload, "utf8")), mode: "byte" as const }]

describe("GiroCode image", () => {
  it("should be a PNG data URL and an SVG", async () => {
    const url = await epcQrDataUrl(payload)
    expect(url).toMatch(/^data:image\/png;base64,/)
    expect(Buffer.from(url.split(",")[1], "base64").subarray(1, 4).toString("latin1")).toBe("PNG")
    expect(await epcQrSvg(payload)).toContain("<svg")
  })

  it("should draw the payload's UTF-8 bytes in byte mode with error correction M (as EPC069-12 requires)", async () => {
    const svg = await epcQrSvg(payload)
    expect(svg).toBe(await QRCode.toString(bytes, { errorCorrectionLevel: "M", margin: 4, type: "svg" }))
    expect(svg).not.toBe(await QRCode.toString(bytes, { errorCorrectionLevel: "L", margin: 4, type: "svg" }))
    expect(svg).not.toBe(await QRCode.toString(payload, { errorCorrectionLevel: "M", margin: 4, type: "svg" }))
  })

  it("should draw a payload's data URL once and keep it for the next request", async () => {
    const spy = jest.spyOn(QRCode, "toDataURL")
    const other = payload.replace("EUR12.34", "EUR12.35")
    const first = await epcQrDataUrl(other)
    expect(await epcQrDataUrl(other)).toBe(first)
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
  })
})
