package publisher

// Document is one publisher as the maintainer configured it at the
// registry, as the document states it. Values are kept as written: they
// are data, compared with claims and shown escaped, never interpreted.
type Document struct {
	Registry           string
	Owner              string
	Repository         string
	Workflow           string
	Environment        string
	OwnerID            string
	RepositoryID       string
	Package            string
	WorkflowRepository string
	TagPattern         string
	Version            string
	Events             []string
	User               string
	Audience           string

	// keys lists the keys the document sets, in document order, with
	// where each stands.
	keys []Key
}

// Key is a key the document sets, and where.
type Key struct {
	Name         string
	Line, Column int
}

// Keys lists the keys the document sets, in document order.
func (d Document) Keys() []Key { return append([]Key(nil), d.keys...) }

// Has reports whether the document sets key (to anything but null).
func (d Document) Has(key string) bool {
	for _, k := range d.keys {
		if k.Name == key {
			return true
		}
	}
	return false
}

// Registries lists every `registry:` value the document format knows, in
// the order; the providers of some come later.
var registries = []string{"pypi", "testpypi", "crates.io", "rubygems", "npm", "nuget", "jsr", "pub.dev"}

// RegistryValues returns the known `registry:` values.
func RegistryValues() []string { return append([]string(nil), registries...) }

// documentKeys are every key the document format has, in the issue's
// order.
var documentKeys = []string{"registry", "owner", "repository", "workflow", "environment", "owner_id",
	"repository_id", "package", "workflow_repository", "tag_pattern", "version", "events", "user", "audience"}

// stringField is where each single-valued key is stored.
func (d *Document) stringField(key string) *string {
	switch key {
	case "registry":
		return &d.Registry
	case "owner":
		return &d.Owner
	case "repository":
		return &d.Repository
	case "workflow":
		return &d.Workflow
	case "environment":
		return &d.Environment
	case "owner_id":
		return &d.OwnerID
	case "repository_id":
		return &d.RepositoryID
	case "package":
		return &d.Package
	case "workflow_repository":
		return &d.WorkflowRepository
	case "tag_pattern":
		return &d.TagPattern
	case "version":
		return &d.Version
	case "user":
		return &d.User
	case "audience":
		return &d.Audience
	}
	return nil
}
