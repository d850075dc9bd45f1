// description: Lineage up: the documents a document cites, directly or through others, with the relation of each step.
// param: doc str 文号 or part of the title of the starting document
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
MATCH p = (d)-[:CITES*1..6]->(a:Document)
RETURN d.title AS document,
       length(p) AS depth,
       [r IN relationships(p) | r.relation] AS relations,
       a.title AS ancestor,
       a.doc_number AS doc_number,
       a.level AS level,
       a.stub AS stub
ORDER BY depth, ancestor
