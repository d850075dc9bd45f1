// description: Every quantified target with its metric, year, scope (whose target) and the document and sentence that set it.
// A Target keeps its sentence's offsets only: the page reads the sentence from the saved text.
MATCH (d:Document)-[s:SETS_TARGET]->(t:Target)
OPTIONAL MATCH (t)-[:FOR]->(scope)
RETURN t.id AS id,
       t.metric AS metric,
       t.metric_key AS metric_key,
       t.comparator AS comparator,
       t.value AS value,
       t.unit AS unit,
       t.year AS year,
       t.baseline AS baseline,
       scope.name AS scope,
       d.id AS doc_id,
       d.title AS document,
       coalesce(s.evidence, t.text) AS evidence,
       d.id AS evidence_document,
       t.start AS evidence_start,
       t.end AS evidence_end
