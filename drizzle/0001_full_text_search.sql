-- Custom SQL migration file, put your code below! ---- Full-text index over the knowledge base in both languages (drizzle-kit cannot express FTS5
-- virtual tables, hence a custom migration). One row per record and language; `kind` is
-- 'strategy' or 'determinant', `ref` the strategy id or determinant number. The seed rewrites
-- the rows whenever the knowledge base is loaded. remove_diacritics makes "coordinator" match
-- "coördinator".
CREATE VIRTUAL TABLE `kb_search` USING fts5(
  `kind` UNINDEXED,
  `ref` UNINDEXED,
  `lang` UNINDEXED,
  `name`,
  `body`,
  tokenize = 'unicode61 remove_diacritics 2'
);
