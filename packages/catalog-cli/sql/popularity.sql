-- Recency-weighted popularity: every click (or ordered item) counts 2^((seq − newest) / half_life),
-- so a sequence's weight halves every half_life sequences back from the newest. The catalog
-- builder divides by the largest value.
-- Input: ${clicks}(seq, pos, item). Output: one row per item clicked.
SELECT item,
  SUM(POWER(CAST(2 AS DOUBLE), CAST(seq - ${newest} AS DOUBLE) / CAST(${half_life} AS DOUBLE))) AS popularity
FROM ${clicks}
GROUP BY item
