// description: One document at a glance: metadata and how many citations, tasks, targets, places and industries were read from it.
// param: doc str 文号 or part of the title
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
OPTIONAL MATCH (d)-[c:CITES]->(:Document)
WITH d, count(c) AS cites
OPTIONAL MATCH (d)<-[cb:CITES]-(:Document)
WITH d, cites, count(cb) AS cited_by
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
WITH d, cites, cited_by, count(t) AS tasks
OPTIONAL MATCH (d)-[:SETS_TARGET]->(g:Target)
WITH d, cites, cited_by, tasks, count(g) AS targets
OPTIONAL MATCH (d)-[:APPLIES_TO|MENTIONS]->(pl)
WITH d, cites, cited_by, tasks, targets, count(pl) AS places
OPTIONAL MATCH (d)-[:PROMOTES]->(i:Industry)
RETURN d.title AS title,
       d.doc_number AS doc_number,
       d.issuer AS issuer,
       d.date AS date,
       d.kind AS kind,
       d.status AS status,
       d.level AS level,
       d.source AS source,
       cites, cited_by, tasks, targets, places,
       count(i) AS industries
ORDER BY title
