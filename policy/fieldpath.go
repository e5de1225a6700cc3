package policy

// FieldPath appends a member name to the path of the object holding it,
// as messages name a place in a document ("Statement", then
// "Statement.Condition"); the top level's path is "".
func FieldPath(path, member string) string {
	if path == "" {
		return member
	}
	return path + "." + member
}
