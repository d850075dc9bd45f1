// description: Which unit leads what: tasks a unit leads or supports, with their documents.
// param: unit str part of the unit's name (e.g. 城市管理局)
// param: limit int = 200 rows at most (a big unit leads tens of thousands of tasks: the first loaded)
// One walk per label a task's unit can have: a walk from an unlabelled node scans every
// node of the graph (4x slower at 2,000 documents, and growing with the corpus).
// Each walk stops at $limit tasks and only those are sorted: sorting every task of a big unit
// before the limit grew with the corpus (20 -> 5 ms at 2,000 documents, 200 rows). So a unit
// with more tasks than the limit shows the first it was given, in load order; --all (or a
// larger limit) lists them all, unit_tasks_by_document counts them per document.
// A Task's title is its name after its number: the graph keeps the two once, in name. right(),
// not substring(name, start): FalkorDB's two-argument substring cut the end off some names
// ((三) 强化用地要素保障 -> 强化用地要素; Neo4j gave the whole title); coalesce(): FalkorDB
// evaluates the THEN branch for a task without a number too, and size(null) failed there.
// A relationship keeps the offsets of its evidence sentence in its doc's text, not the
// sentence: `policykg run` and the explorer read it into evidence and drop the evidence_* columns.
CALL {
  MATCH (u:Unit)<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document)
  WHERE u.name CONTAINS $unit OR u.full_name CONTAINS $unit
  RETURN u, r, t, d
  LIMIT $limit
  UNION ALL
  MATCH (u:Park)<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document)
  WHERE u.name CONTAINS $unit OR u.full_name CONTAINS $unit
  RETURN u, r, t, d
  LIMIT $limit
  UNION ALL
  MATCH (u:Region)<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document)
  WHERE u.name CONTAINS $unit OR u.full_name CONTAINS $unit
  RETURN u, r, t, d
  LIMIT $limit
}
RETURN u.name AS unit,
       CASE type(r) WHEN 'LED_BY' THEN 'lead' ELSE 'support' END AS role,
       d.title AS document,
       t.number AS task_number,
       CASE WHEN t.name STARTS WITH (t.number + ' ') THEN right(t.name, size(t.name) - coalesce(size(t.number), 0) - 1) ELSE t.name END AS task,
       r.evidence AS evidence,
       r.doc AS evidence_document,
       r.evidence_start AS evidence_start,
       r.evidence_end AS evidence_end
ORDER BY unit, document, task_number
LIMIT $limit
