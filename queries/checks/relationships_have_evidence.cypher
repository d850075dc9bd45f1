// description: Every relationship read from text carries doc and evidence (all but LOCATED_IN, PART_OF and BELONGS_TO; HAS_TASK, SETS_TARGET and FOR carry neither: their Document, Task or Target holds both).
// A sentence of the text is kept as its offsets (evidence_start, evidence_end), not as evidence.
// One walk per start label, type and end label the ontology allows (the writer refuses any
// other; tests/test_graph_checks.py holds this list to the ontology): a walk from a labelled
// node is several times faster in FalkorDB than one over every relationship (10 s at 10,000
// documents).
CALL {
  MATCH (a:Document)-[r:CITES]->(b:Document)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Document)-[r:ISSUED_BY]->(b:Unit)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Document)-[r:APPLIES_TO|MENTIONS]->(b:Region)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Document)-[r:APPLIES_TO|MENTIONS]->(b:Park)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Document)-[r:PROMOTES]->(b:Industry)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Task)-[r:LED_BY|SUPPORTED_BY]->(b:Unit)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Task)-[r:LED_BY|SUPPORTED_BY]->(b:Park)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
  UNION ALL
  MATCH (a:Task)-[r:LED_BY|SUPPORTED_BY]->(b:Region)
  WHERE r.doc IS NULL OR (coalesce(r.evidence, '') = '' AND r.evidence_start IS NULL)
  RETURN a, r, b
}
WITH a, r, b
ORDER BY type(r), a.name, b.name
RETURN count(r) AS count,
       collect({item: type(r) + ' ' + coalesce(a.name, a.id) + ' → ' + coalesce(b.name, b.id), document: r.doc, evidence: r.evidence})[0..5] AS examples
