// description: The tasks of two documents with the units that lead or support each: who does what in each.
// param: a str id of the first document
// param: b str id of the second document
MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[r:LED_BY|SUPPORTED_BY]->(u)
WHERE d.id IN [$a, $b]
RETURN d.id AS doc,
       coalesce(u.full_name, u.name) AS unit,
       CASE type(r) WHEN 'LED_BY' THEN 'lead' ELSE 'support' END AS role,
       t.number AS task_number,
       CASE WHEN t.name STARTS WITH (t.number + ' ') THEN right(t.name, size(t.name) - coalesce(size(t.number), 0) - 1) ELSE t.name END AS task
ORDER BY unit, doc
