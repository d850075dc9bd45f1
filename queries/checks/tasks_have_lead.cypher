// description: Every task has a lead (a LED_BY unit, park or region).
MATCH (d:Document)-[h:HAS_TASK]->(t:Task)
WHERE NOT (t)-[:LED_BY]->()
WITH d, h, t
ORDER BY d.title, t.number, t.id
RETURN count(t) AS count,
       collect({item: coalesce(t.number + ' ', '') + coalesce(t.title, t.name), document: d.title, evidence: coalesce(t.text, h.evidence)})[0..5] AS examples
