// description: Every target has a year and a scope (FOR a region or park); a national document's targets need no scope.
// Counted as targets without a year, plus targets with a year outside national documents less
// those of them with a scope, each a walk between labelled nodes: a NOT (t)-[:FOR]->() test
// per target took 7 s at 150,000 targets. The examples (the first five by document title) are
// looked for in the first 20 documents by title, and in all only when those hold fewer than
// five below the 20th title and fewer than the count.
CALL {
  MATCH (t:Target)-[:FOR]->(:Region)
  RETURN t
  UNION
  MATCH (t:Target)-[:FOR]->(:Park)
  RETURN t
}
WITH t
MATCH (t)<-[st:SETS_TARGET]-(d:Document)
WHERE t.year IS NOT NULL AND coalesce(d.level, '') <> 'national'
WITH count(st) AS scoped
MATCH (d:Document)-[st:SETS_TARGET]->(t:Target)
WITH scoped,
     count(CASE WHEN t.year IS NULL THEN st END) AS yearless,
     count(CASE WHEN t.year IS NOT NULL AND coalesce(d.level, '') <> 'national' THEN st END) AS local
WITH yearless + local - scoped AS count
CALL {
  WITH count
  MATCH (d:Document)
  WHERE count > 0
  WITH d
  ORDER BY d.title
  LIMIT 20
  RETURN collect(d) AS first
}
CALL {
  WITH first
  UNWIND first AS d
  MATCH (d)-[st:SETS_TARGET]->(t:Target)
  OPTIONAL MATCH (t)-[f:FOR]->()
  WITH d, st, t, count(f) AS scopes
  WHERE t.year IS NULL OR (scopes = 0 AND coalesce(d.level, '') <> 'national')
  WITH d, st, t
  ORDER BY d.title, t.id
  RETURN collect({d: d, st: st, t: t}) AS near
}
WITH count, CASE WHEN size(first) < 20 THEN near
                 ELSE [n IN near WHERE n.d.title < last(first).title] END AS sure
CALL {
  WITH count, sure
  MATCH (d:Document)-[st:SETS_TARGET]->(t:Target)
  WHERE size(sure) < 5 AND size(sure) < count
  OPTIONAL MATCH (t)-[f:FOR]->()
  WITH d, st, t, count(f) AS scopes
  WHERE t.year IS NULL OR (scopes = 0 AND coalesce(d.level, '') <> 'national')
  WITH d, st, t
  ORDER BY d.title, t.id
  LIMIT 5
  RETURN collect({d: d, st: st, t: t}) AS scanned
}
WITH count, CASE WHEN size(sure) >= 5 OR size(sure) >= count THEN sure[0..5] ELSE scanned END AS found
RETURN count,
       [f IN found | {item: coalesce(f.t.name, f.t.metric), document: f.d.title, evidence: coalesce(f.t.text, f.st.evidence), document_id: f.d.id, start: f.t.start, end: f.t.end}] AS examples
