// description: Lineage up as a graph: the citation paths from a document to what it rests on, to a depth.
// param: doc str id, 文号 or exact title of the document
// param: depth int = 3 how many citation steps to follow (1 to 6)
// param: limit int = 2000 at most this many paths
MATCH (d:Document)
WHERE d.id = $doc OR d.doc_number = $doc OR d.title = $doc
MATCH p = (d)-[:CITES*1..6]->(:Document)
WHERE length(p) <= $depth
RETURN p
LIMIT $limit
