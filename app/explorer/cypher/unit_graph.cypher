// description: Which unit leads what, as a graph: unit, the tasks it leads or supports, and their documents.
// param: id str the unit's id (see the responsible query)
// param: limit int = 1000 at most this many tasks
// One branch per label a task's unit can have, each through that label's id index (a node
// matched without a label is found by scanning every node); the OPTIONAL MATCH stays inside
// each branch: after the CALL FalkorDB would not start it from the bound task.
CALL {
  MATCH (u:Unit {id: $id})<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[h:HAS_TASK]-(d:Document)
  OPTIONAL MATCH (t)-[o:LED_BY|SUPPORTED_BY]->(other)
  RETURN u, r, t, h, d, collect(o) AS rels, collect(other) AS others
  UNION ALL
  MATCH (u:Park {id: $id})<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[h:HAS_TASK]-(d:Document)
  OPTIONAL MATCH (t)-[o:LED_BY|SUPPORTED_BY]->(other)
  RETURN u, r, t, h, d, collect(o) AS rels, collect(other) AS others
  UNION ALL
  MATCH (u:Region {id: $id})<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[h:HAS_TASK]-(d:Document)
  OPTIONAL MATCH (t)-[o:LED_BY|SUPPORTED_BY]->(other)
  RETURN u, r, t, h, d, collect(o) AS rels, collect(other) AS others
}
RETURN u, r, t, h, d, rels, others
LIMIT $limit
