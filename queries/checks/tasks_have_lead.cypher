// description: Every task has a lead (a LED_BY unit, park or region).
// Counted as tasks less tasks with a lead, each a walk between labelled nodes: a NOT
// (t)-[:LED_BY]->() test per task took 25 s at 300,000 tasks. The examples (the first five
// by document title) are looked for in the first 20 documents by title, and in all only when
// those hold fewer than five below the 20th title and fewer than the count.
CALL {
  MATCH (t:Task)-[:LED_BY]->(:Unit)
  RETURN t
  UNION
  MATCH (t:Task)-[:LED_BY]->(:Park)
  RETURN t
  UNION
  MATCH (t:Task)-[:LED_BY]->(:Region)
  RETURN t
}
WITH t
MATCH (t)<-[h:HAS_TASK]-(:Document)
WITH count(h) AS led
MATCH (:Document)-[h:HAS_TASK]->(:Task)
WITH led, count(h) AS tasks
WITH tasks - led AS count
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
  MATCH (d)-[h:HAS_TASK]->(t:Task)
  OPTIONAL MATCH (t)-[l:LED_BY]->()
  WITH d, h, t, count(l) AS leads
  WHERE leads = 0
  WITH d, h, t
  ORDER BY d.title, t.number, t.id
  RETURN collect({d: d, h: h, t: t}) AS near
}
WITH count, CASE WHEN size(first) < 20 THEN near
                 ELSE [n IN near WHERE n.d.title < last(first).title] END AS sure
CALL {
  WITH count, sure
  MATCH (d:Document)-[h:HAS_TASK]->(t:Task)
  WHERE size(sure) < 5 AND size(sure) < count
  OPTIONAL MATCH (t)-[l:LED_BY]->()
  WITH d, h, t, count(l) AS leads
  WHERE leads = 0
  WITH d, h, t
  ORDER BY d.title, t.number, t.id
  LIMIT 5
  RETURN collect({d: d, h: h, t: t}) AS scanned
}
WITH count, CASE WHEN size(sure) >= 5 OR size(sure) >= count THEN sure[0..5] ELSE scanned END AS found
RETURN count,
       [f IN found | {item: CASE WHEN f.t.name STARTS WITH (f.t.number + ' ') THEN f.t.name ELSE coalesce(f.t.number + ' ', '') + coalesce(f.t.title, f.t.name) END, document: f.d.title, evidence: coalesce(f.t.text, f.h.evidence, f.t.title, CASE WHEN f.t.name STARTS WITH (f.t.number + ' ') THEN right(f.t.name, size(f.t.name) - coalesce(size(f.t.number), 0) - 1) ELSE f.t.name END), document_id: f.d.id, start: f.t.start, end: f.t.end}] AS examples
