// description: Every relationship read from text carries doc and evidence (all but LOCATED_IN, PART_OF and BELONGS_TO).
MATCH (a)-[r]->(b)
WHERE NOT type(r) IN ['LOCATED_IN', 'PART_OF', 'BELONGS_TO']
  AND (r.doc IS NULL OR r.evidence IS NULL OR r.evidence = '')
WITH a, r, b
ORDER BY type(r), a.name, b.name
RETURN count(r) AS count,
       collect({item: type(r) + ' ' + coalesce(a.name, a.id) + ' → ' + coalesce(b.name, b.id), document: r.doc, evidence: r.evidence})[0..5] AS examples
