/**
 * talisman ships no types. The root tsconfig (noImplicitAny off) reads its modules as `any`;
 * tsconfig.tests.json is strict, so the engine files the tests import need these declarations
 * to say the same.
 */
declare module "talisman/keyers/normalize"
declare module "talisman/phonetics/german/cologne"
declare module "talisman/metrics/damerau-levenshtein"
