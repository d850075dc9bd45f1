// description: Every target has a year and a scope (FOR a region or park); a national document's targets need no scope.
MATCH (d:Document)-[st:SETS_TARGET]->(t:Target)
WHERE t.year IS NULL OR (NOT (t)-[:FOR]->() AND coalesce(d.level, '') <> 'national')
WITH d, st, t
ORDER BY d.title, t.id
RETURN count(t) AS count,
       collect({item: coalesce(t.name, t.metric), document: d.title, evidence: coalesce(t.text, st.evidence)})[0..5] AS examples
