// description: The quantified targets of two documents with indicator (metric_key), year and scope: one indicator and year side by side.
// param: a str id of the first document
// param: b str id of the second document
MATCH (d:Document)-[:SETS_TARGET]->(t:Target)
WHERE d.id IN [$a, $b]
OPTIONAL MATCH (t)-[:FOR]->(scope)
RETURN d.id AS doc,
       t.metric AS metric,
       t.metric_key AS metric_key,
       t.comparator AS comparator,
       t.value AS value,
       t.unit AS unit,
       t.year AS year,
       scope.name AS scope
ORDER BY metric, year
