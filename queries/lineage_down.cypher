// description: Lineage down: the documents that cite a document (implement it, are based on it), directly or through others.
// param: doc str 文号 or part of the title of the document
MATCH (d:Document)
WHERE d.doc_number = $doc OR d.title CONTAINS $doc
MATCH p = (x:Document)-[:CITES*1..6]->(d)
RETURN d.title AS document,
       length(p) AS depth,
       [r IN relationships(p) | r.relation] AS relations,
       x.title AS descendant,
       x.doc_number AS doc_number,
       x.level AS level,
       x.date AS date
ORDER BY depth, date, descendant
