// description: A document's citations both ways: what it cites (up) and what cites it (down), with relation and evidence.
// param: doc str id, 文号 or exact title of the document
// A citation keeps the offsets of its sentence (in the citing document's text): the page
// reads the sentence from the saved text.
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
       c.evidence AS evidence,
       c.doc AS evidence_document,
       c.evidence_start AS evidence_start,
       c.evidence_end AS evidence_end
ORDER BY direction, relation, title
