import de from "./json/de.json"
import en from "./json/en.json"

/** Merged into the Medusa admin's i18next resources (default namespace "translation"). */
export default {
  de: { translation: de },
  en: { translation: en },
}
