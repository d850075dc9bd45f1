// description: Every target has a metric and a unit (its value may be null: a placeholder).
MATCH (d:Document)-[st:SETS_TARGET]->(t:Target)
WHERE t.metric IS NULL OR t.metric = '' OR t.unit IS NULL OR t.unit = ''
WITH d, st, t
ORDER BY d.title, t.id
RETURN count(t) AS count,
       collect({item: coalesce(t.name, t.id), document: d.title, evidence: coalesce(t.text, st.evidence), document_id: d.id, start: t.start, end: t.end})[0..5] AS examples
