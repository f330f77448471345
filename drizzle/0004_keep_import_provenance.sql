-- Custom SQL migration file, put your code below! ---- Links stored before 0003 kept their provenance in one `via` line ("TNO, row 3: 23 → …" for an
-- import). The next migration drops that column; keep the line as the link's construct and as
-- a readable sentence. Curated links are rewritten by the next load anyway.
UPDATE `determinant_strategies`
SET `construct` = `via`,
    `via_nl` = 'Uit het geïmporteerde bestand: ' || `via`,
    `via_en` = 'From the imported file: ' || `via`
WHERE `via` IS NOT NULL AND `construct` IS NULL;
