// description: What two documents cite, with the relation and the sentence: the basis they share.
// param: a str id of the first document
// param: b str id of the second document
// A citation keeps the offsets of its sentence: the page reads it from the saved text.
MATCH (d:Document)-[c:CITES]->(o:Document)
WHERE d.id IN [$a, $b]
RETURN d.id AS doc,
       o.id AS id,
       coalesce(o.doc_number, o.title) AS cited,
       o.title AS title,
       c.relation AS relation,
       c.evidence AS evidence,
       c.doc AS evidence_document,
       c.evidence_start AS evidence_start,
       c.evidence_end AS evidence_end
ORDER BY cited, doc
