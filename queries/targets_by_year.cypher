// description: Quantified targets set for a year, with whose target each is and the document that sets it.
// param: year int target year (e.g. 2027)
// param: limit int = 1000 rows at most (all parks and cities of a big corpus set thousands)
// A Target keeps the offsets of its sentence, not the sentence (a graph loaded before keeps
// its text): `policykg run` and the explorer read it from the saved text into evidence and
// drop the evidence_* columns.
MATCH (d:Document)-[:SETS_TARGET]->(t:Target)
WHERE t.year = $year
OPTIONAL MATCH (t)-[:FOR]->(s)
RETURN s.name AS scope,
       t.metric AS metric,
       t.metric_key AS metric_key,
       t.dimension AS dimension,
       t.comparator AS comparator,
       t.value AS value,
       t.unit AS unit,
       t.baseline AS baseline,
       d.title AS document,
       t.text AS evidence,
       d.id AS evidence_document,
       t.start AS evidence_start,
       t.end AS evidence_end
ORDER BY metric_key, scope, metric
LIMIT $limit
