-- Full-text search over the knowledge base (SQLite: the FTS5 table kb_search, drizzle/0001).
-- drizzle-kit cannot express text-search configurations or generated tsvector columns, hence
-- this custom migration. Accents are ignored through unaccent (a trusted extension: the owner
-- of the database may create it). Three configurations:
--   sw_words: every word as it is, unaccented: what a query must match (as a prefix), the
--             way SQLite's FTS5 table matches, so both dialects find the same records;
--   sw_nl, sw_en: Dutch and English with their stemmers and stop words, unaccented: used to
--             rank, so that a record with the word itself or its stem ranks first.
-- ASCII punctuation is made a space before parsing: PostgreSQL's parser would otherwise read
-- "1-2" as 1 and -2, or "a.b" as a host name, where FTS5 sees words of letters and digits.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION sw_words (COPY = simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION sw_words ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION sw_nl (COPY = dutch);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION sw_nl ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION sw_en (COPY = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION sw_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
ALTER TABLE "kb_search" ADD COLUMN "words" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('sw_words'::regconfig, regexp_replace("name", '[!-/:-@\[-`{-~]', ' ', 'g')), 'A') || setweight(to_tsvector('sw_words'::regconfig, regexp_replace("body", '[!-/:-@\[-`{-~]', ' ', 'g')), 'B')
) STORED;
--> statement-breakpoint
ALTER TABLE "kb_search" ADD COLUMN "stems" tsvector GENERATED ALWAYS AS (
  CASE WHEN "lang" = 'nl'
    THEN setweight(to_tsvector('sw_nl'::regconfig, regexp_replace("name", '[!-/:-@\[-`{-~]', ' ', 'g')), 'A') || setweight(to_tsvector('sw_nl'::regconfig, regexp_replace("body", '[!-/:-@\[-`{-~]', ' ', 'g')), 'B')
    ELSE setweight(to_tsvector('sw_en'::regconfig, regexp_replace("name", '[!-/:-@\[-`{-~]', ' ', 'g')), 'A') || setweight(to_tsvector('sw_en'::regconfig, regexp_replace("body", '[!-/:-@\[-`{-~]', ' ', 'g')), 'B')
  END
) STORED;
--> statement-breakpoint
CREATE INDEX "kb_search_words_idx" ON "kb_search" USING gin ("words");
