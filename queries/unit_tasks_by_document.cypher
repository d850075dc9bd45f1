// description: A unit's tasks counted per document (lead and support): the overview before unit_tasks lists them.
// param: unit str part of the unit's name (e.g. 发展改革委)
// param: limit int = 200 documents at most, most tasks first
// One walk per label a task's unit can have (see unit_tasks).
CALL {
  MATCH (u:Unit)<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document)
  WHERE u.name CONTAINS $unit OR u.full_name CONTAINS $unit
  RETURN u, r, t, d
  UNION ALL
  MATCH (u:Park)<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document)
  WHERE u.name CONTAINS $unit OR u.full_name CONTAINS $unit
  RETURN u, r, t, d
  UNION ALL
  MATCH (u:Region)<-[r:LED_BY|SUPPORTED_BY]-(t:Task)<-[:HAS_TASK]-(d:Document)
  WHERE u.name CONTAINS $unit OR u.full_name CONTAINS $unit
  RETURN u, r, t, d
}
WITH d, u, count(DISTINCT CASE type(r) WHEN 'LED_BY' THEN t END) AS leads,
     count(DISTINCT CASE type(r) WHEN 'SUPPORTED_BY' THEN t END) AS supports
RETURN u.name AS unit,
       d.title AS document,
       d.doc_number AS doc_number,
       d.date AS date,
       leads,
       supports
ORDER BY leads + supports DESC, document, unit
LIMIT $limit
