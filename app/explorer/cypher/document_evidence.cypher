// description: Everything read from one document, each with the sentence it was read from: the spans to check.
// param: doc str id of the document
MATCH (a)-[r]->(b)
// HAS_TASK, SETS_TARGET and FOR keep no copy: the Task's paragraph or the Target's sentence is theirs.
WHERE r.doc = $doc AND coalesce(r.evidence, b.text, a.text) IS NOT NULL
RETURN type(r) AS type,
       r.relation AS relation,
       a.name AS source,
       b.name AS target,
       coalesce(r.evidence, b.text, a.text) AS evidence
ORDER BY type, target
