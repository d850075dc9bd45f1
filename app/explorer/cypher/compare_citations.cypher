// description: What two documents cite, with the relation and the sentence: the basis they share.
// param: a str id of the first document
// param: b str id of the second document
MATCH (d:Document)-[c:CITES]->(o:Document)
WHERE d.id IN [$a, $b]
RETURN d.id AS doc,
       o.id AS id,
       coalesce(o.doc_number, o.title) AS cited,
       o.title AS title,
       c.relation AS relation,
       c.evidence AS evidence
ORDER BY cited, doc
