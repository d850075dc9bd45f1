// description: Lineage down: the documents that cite a document (implement it, are based on it), directly or through others.
// param: doc str 文号 or part of the title of the document
// The document is looked up by exact 文号 or id (indexed); titles are scanned only when
// neither matches.
OPTIONAL MATCH (byNumber:Document {doc_number: $doc})
WITH collect(byNumber) AS byNumber
OPTIONAL MATCH (byId:Document {id: $doc})
WITH byNumber, collect(byId) AS byId
WITH byNumber + byId AS exact
OPTIONAL MATCH (byTitle:Document)
WHERE size(exact) = 0 AND byTitle.title CONTAINS $doc
WITH exact, collect(byTitle) AS byTitle
UNWIND exact + byTitle AS d
WITH DISTINCT d
MATCH p = (x:Document)-[:CITES*1..6]->(d)
RETURN d.title AS document,
       length(p) AS depth,
       [r IN relationships(p) | r.relation] AS relations,
       x.title AS descendant,
       x.doc_number AS doc_number,
       x.level AS level,
       x.date AS date
ORDER BY depth, date, descendant
