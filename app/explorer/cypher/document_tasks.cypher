// description: A document's tasks with the units that lead or support each, as a graph.
// param: doc str id, 文号 or exact title of the document
// param: limit int = 1000 at most this many tasks
MATCH (d:Document)
WHERE d.id = $doc OR d.doc_number = $doc OR d.title = $doc
MATCH (d)-[h:HAS_TASK]->(t:Task)
OPTIONAL MATCH (t)-[r:LED_BY|SUPPORTED_BY]->(u)
RETURN d, h, t, collect(r) AS rels, collect(u) AS units
LIMIT $limit
