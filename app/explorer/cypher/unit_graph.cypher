// description: Which unit leads what, as a graph: unit, the tasks it leads or supports, and their documents.
// param: id str the unit's id (see the responsible query)
// param: limit int = 1000 at most this many tasks
MATCH (u)
WHERE u.id = $id
MATCH (u)<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[h:HAS_TASK]-(d:Document)
OPTIONAL MATCH (t)-[o:LED_BY|SUPPORTED_BY]->(other)
RETURN u, r, t, h, d, collect(o) AS rels, collect(other) AS others
LIMIT $limit
