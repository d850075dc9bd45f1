// description: Industries each park promotes, with their roles (leading, emerging, featured) and the documents that say so.
MATCH (d:Document)-[:APPLIES_TO]->(p:Park)
MATCH (d)-[r:PROMOTES]->(i:Industry)
RETURN p.name AS park,
       i.name AS industry,
       collect(DISTINCT r.role) AS roles,
       collect(DISTINCT d.title) AS documents
ORDER BY park, industry
