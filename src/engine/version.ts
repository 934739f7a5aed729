/** Stored with every assessment; bump when a change alters decisions for the same input. */
export const ENGINE_VERSION = "1.0.0"
