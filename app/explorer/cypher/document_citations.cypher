// description: A document's citations both ways: what it cites (up) and what cites it (down), with relation and evidence.
// param: doc str id, 文号 or exact title of the document
MATCH (d:Document)
WHERE d.id = $doc OR d.doc_number = $doc OR d.title = $doc
MATCH (d)-[c:CITES]-(o:Document)
RETURN CASE WHEN startNode(c).id = d.id THEN 'up' ELSE 'down' END AS direction,
       c.relation AS relation,
       o.id AS id,
       o.doc_number AS doc_number,
       o.title AS title,
       o.level AS level,
       o.date AS date,
       o.stub AS stub,
       c.evidence AS evidence
ORDER BY direction, relation, title
