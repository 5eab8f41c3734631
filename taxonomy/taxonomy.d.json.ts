// The type of taxonomy.json for TypeScript. Declared rather than inferred: inferring one from 900 KB of JSON would
// slow every typecheck, and the runtime checks the shape anyway (readTaxonomyFile in src/domain/intelligence/analysis).
declare const taxonomy: unknown
export = taxonomy
