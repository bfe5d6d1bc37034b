-- Asymmetric co-occurrence: lists "cooc" (sessions) and "bought" (orders).
-- score(a, b) = together(a, b) / (sequences(a)^alpha · sequences(b)^(1 − alpha)), where
-- sequences counts the sequences of 2 or more clicks holding an item and together those holding
-- both. Counts are exact integers; the power is not bit-identical across engines, so the query
-- keeps ${keep} candidates per item (K plus a margin) with their counts, and the catalog builder
-- scores and cuts them to K with its own arithmetic.
-- Input: ${clicks}(seq, pos, item).
WITH long_sequences AS (
  SELECT seq FROM ${clicks} GROUP BY seq HAVING COUNT(*) >= 2
),
baskets AS (
  SELECT DISTINCT c.seq, c.item
  FROM ${clicks} c
  JOIN long_sequences l ON l.seq = c.seq
),
containing AS (
  SELECT item, COUNT(*) AS sequences FROM baskets GROUP BY item
),
pairs AS (
  SELECT a.item AS item, b.item AS neighbor, COUNT(*) AS together
  FROM baskets a
  JOIN baskets b ON b.seq = a.seq AND a.item < b.item
  GROUP BY a.item, b.item
),
both_ways AS (
  SELECT item, neighbor, together FROM pairs
  UNION ALL
  SELECT neighbor AS item, item AS neighbor, together FROM pairs
),
ranked AS (
  SELECT p.item, p.neighbor, p.together,
    ci.sequences AS item_sequences, cn.sequences AS neighbor_sequences,
    ROW_NUMBER() OVER (
      PARTITION BY p.item
      ORDER BY p.together / POWER(CAST(cn.sequences AS DOUBLE), 1 - CAST(${alpha} AS DOUBLE)) DESC, p.neighbor
    ) AS neighbor_rank
  FROM both_ways p
  JOIN containing ci ON ci.item = p.item
  JOIN containing cn ON cn.item = p.neighbor
)
SELECT item, neighbor, together, item_sequences, neighbor_sequences, neighbor_rank
FROM ranked
WHERE neighbor_rank <= ${keep}
