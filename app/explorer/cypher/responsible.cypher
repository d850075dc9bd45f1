// description: Units (and parks or regions) that lead or support tasks, with how many; filtered by part of a name.
// param: q str part of the name or full name; empty for all
// One walk per label a task's unit can have: a unit matched without a label was found by
// scanning every node.
CALL {
  MATCH (t:Task)-[r:LED_BY|SUPPORTED_BY]->(u:Unit)
  WHERE $q = '' OR u.name CONTAINS $q OR u.full_name CONTAINS $q
  RETURN u.id AS id, u.name AS name, u.full_name AS full_name, count(DISTINCT t) AS tasks,
         sum(CASE type(r) WHEN 'LED_BY' THEN 1 ELSE 0 END) AS leads
  UNION ALL
  MATCH (t:Task)-[r:LED_BY|SUPPORTED_BY]->(u:Park)
  WHERE $q = '' OR u.name CONTAINS $q OR u.full_name CONTAINS $q
  RETURN u.id AS id, u.name AS name, u.full_name AS full_name, count(DISTINCT t) AS tasks,
         sum(CASE type(r) WHEN 'LED_BY' THEN 1 ELSE 0 END) AS leads
  UNION ALL
  MATCH (t:Task)-[r:LED_BY|SUPPORTED_BY]->(u:Region)
  WHERE $q = '' OR u.name CONTAINS $q OR u.full_name CONTAINS $q
  RETURN u.id AS id, u.name AS name, u.full_name AS full_name, count(DISTINCT t) AS tasks,
         sum(CASE type(r) WHEN 'LED_BY' THEN 1 ELSE 0 END) AS leads
}
RETURN id, name, full_name, tasks, leads
ORDER BY tasks DESC, name, id
