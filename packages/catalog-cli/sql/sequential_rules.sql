-- Sequential rules with backward rules: lists "sr" (window 10, backward 0.5) and "next" (window 1,
-- backward 0). For clicks a at position i and b at position j of one sequence, 0 < j − i ≤ window
-- and a ≠ b, the rule a → b gains unit/(j − i) and the backward rule b → a gains backward·unit/(j − i).
-- unit = lcm(1..window) and backward is a binary fraction, so every term and every partial sum is
-- exact: the scores do not depend on the order an engine adds them in, and DuckDB, Spark, BigQuery
-- and the in-memory builder rank every row identically.
-- Input: ${clicks}(seq, pos, item), one row per click, pos 0.. within a sequence.
-- Output: the best ${keep} neighbours of every item, ties to the lower product index.
WITH steps AS (
  SELECT a.item AS item, b.item AS neighbor, ${unit} / (b.pos - a.pos) AS strength
  FROM ${clicks} a
  JOIN ${clicks} b ON b.seq = a.seq AND b.pos > a.pos AND b.pos <= a.pos + ${window}
  WHERE a.item <> b.item
),
contributions AS (
  SELECT item, neighbor, strength FROM steps
  UNION ALL
  SELECT neighbor AS item, item AS neighbor, CAST(${backward} AS DOUBLE) * strength AS strength
  FROM steps
  WHERE CAST(${backward} AS DOUBLE) > 0
),
rules AS (
  SELECT item, neighbor, SUM(strength) AS score
  FROM contributions
  GROUP BY item, neighbor
),
ranked AS (
  SELECT item, neighbor, score,
    ROW_NUMBER() OVER (PARTITION BY item ORDER BY score DESC, neighbor) AS neighbor_rank
  FROM rules
)
SELECT item, neighbor, score, neighbor_rank
FROM ranked
WHERE neighbor_rank <= ${keep}
