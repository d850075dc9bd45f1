// description: Everything read from one document, each with the sentence it was read from: the spans to check.
// param: doc str id of the document
// Walks out from the document (found by its id index) rather than filtering every
// relationship of the graph by doc: 1.5 s at 2,000 documents, growing with the corpus.
// HAS_TASK, SETS_TARGET and FOR keep no copy: the Task's paragraph or the Target's sentence is
// theirs, and no doc: the document they hang from is theirs (graphs loaded before keep it).
// A Task keeps only the offsets of its paragraph (start, end), a Target those of its sentence
// (the end node's on SETS_TARGET, the start node's on FOR), any other relationship those of its
// sentence (evidence_start, evidence_end): the page reads them from the saved text.
CALL {
  MATCH (a:Document {id: $doc})-[r]->(b)
  WHERE coalesce(r.doc, $doc) = $doc
  RETURN a, r, b
  UNION ALL
  MATCH (:Document {id: $doc})-[:HAS_TASK]->(a:Task)-[r:LED_BY|SUPPORTED_BY]->(b)
  WHERE r.doc = $doc
  RETURN a, r, b
  UNION ALL
  MATCH (:Document {id: $doc})-[:SETS_TARGET]->(a:Target)-[r:FOR]->(b)
  RETURN a, r, b
  UNION ALL
  // the issuers of the documents it cites, as its text names them
  MATCH (:Document {id: $doc})-[:CITES]->(a:Document)-[r:ISSUED_BY]->(b)
  WHERE r.doc = $doc AND a.id <> $doc
  RETURN a, r, b
}
WITH a, r, b, r.evidence IS NULL AND b.text IS NULL AND a.text IS NULL AS spanned
WHERE coalesce(r.evidence, b.text, a.text, r.evidence_start, b.start, a.start) IS NOT NULL
RETURN type(r) AS type,
       r.relation AS relation,
       a.name AS source,
       b.name AS target,
       coalesce(r.evidence, b.text, a.text) AS evidence,
       CASE WHEN spanned THEN coalesce(r.evidence_start, b.start, a.start) END AS start,
       CASE WHEN spanned THEN CASE WHEN r.evidence_start IS NOT NULL THEN r.evidence_end
                                   WHEN b.start IS NULL THEN a.end ELSE b.end END END AS end
ORDER BY type, target
