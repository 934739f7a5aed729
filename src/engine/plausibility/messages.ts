import { PlausibilityCode } from "./types"

/** What a shopper reads about a problem, in their language (de, en). */
export const PLAUSIBILITY_MESSAGES: Record<"de" | "en", Record<PlausibilityCode, string>> = {
  de: {
    street_missing: "Bitte geben Sie Straße und Hausnummer an.",
    house_number_missing: "Bitte ergänzen Sie die Hausnummer.",
    postcode_missing: "Bitte geben Sie die Postleitzahl an.",
    postcode_format: "Diese Postleitzahl passt nicht zum gewählten Land. Bitte prüfen Sie sie.",
    city_missing: "Bitte geben Sie den Ort an.",
    contact_in_name: "Bitte tragen Sie hier nur den Namen ein – Telefonnummer oder E-Mail-Adresse gehören in die eigenen Felder.",
    contact_in_address: "Bitte tragen Sie hier nur die Adresse ein – Telefonnummer oder E-Mail-Adresse gehören in die eigenen Felder.",
    email_invalid: "Bitte prüfen Sie die E-Mail-Adresse.",
    phone_invalid: "Bitte prüfen Sie die Telefonnummer.",
    too_long: "Diese Angabe ist zu lang. Bitte kürzen Sie sie.",
  },
  en: {
    street_missing: "Please enter the street and house number.",
    house_number_missing: "Please add the house number.",
    postcode_missing: "Please enter the postcode.",
    postcode_format: "This postcode does not fit the selected country. Please check it.",
    city_missing: "Please enter the city.",
    contact_in_name: "Please enter only the name here – phone numbers and email addresses have their own fields.",
    contact_in_address: "Please enter only the address here – phone numbers and email addresses have their own fields.",
    email_invalid: "Please check the email address.",
    phone_invalid: "Please check the phone number.",
    too_long: "This entry is too long. Please shorten it.",
  },
}

/** The message in the shopper's locale ("de-DE" → de), English otherwise. */
export function plausibilityMessage(code: PlausibilityCode, locale?: string | null): string {
  const lang = (locale ?? "").toLowerCase().startsWith("de") ? "de" : "en"
  return PLAUSIBILITY_MESSAGES[lang][code]
}
