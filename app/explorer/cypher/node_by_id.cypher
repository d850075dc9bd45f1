// description: One node by its id, whatever its label.
// param: id str the node's id
MATCH (n)
WHERE n.id = $id
RETURN n
