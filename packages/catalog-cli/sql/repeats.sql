-- An item's repeats for the "next" list: the clicks on the same item again within the window,
-- weighted unit/(j − i) like sequential_rules.sql (with window 1: how often a click is followed by
-- a click on the same item).
-- Input: ${clicks}(seq, pos, item). Output: one row per item that repeats.
SELECT a.item AS item, SUM(${unit} / (b.pos - a.pos)) AS repeats
FROM ${clicks} a
JOIN ${clicks} b ON b.seq = a.seq AND b.pos > a.pos AND b.pos <= a.pos + ${window}
WHERE a.item = b.item
GROUP BY a.item
