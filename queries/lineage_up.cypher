// description: Lineage up: the documents a document cites, directly or through others, with the relation of each step.
// param: doc str 文号 or part of the title of the starting document
MATCH (d:Document)
WHERE d.doc_number = $doc OR d.title CONTAINS $doc
MATCH p = (d)-[:CITES*1..6]->(a:Document)
RETURN d.title AS document,
       length(p) AS depth,
       [r IN relationships(p) | r.relation] AS relations,
       a.title AS ancestor,
       a.doc_number AS doc_number,
       a.level AS level,
       a.stub AS stub
ORDER BY depth, ancestor
