// description: Everything read from one document, each with the sentence it was read from: the spans to check.
// param: doc str id of the document
MATCH (a)-[r]->(b)
WHERE r.doc = $doc AND r.evidence IS NOT NULL
RETURN type(r) AS type,
       r.relation AS relation,
       a.name AS source,
       b.name AS target,
       r.evidence AS evidence
ORDER BY type, target
