package claims

import (
	"regexp"
	"testing"
)

// The expressions the shape checks replace.
var (
	repoShapeRE   = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
	digitsRE      = regexp.MustCompile(`^[0-9]+$`)
	shaShapeRE    = regexp.MustCompile(`^[0-9a-f]{40}$`)
	workflowRefRE = regexp.MustCompile(`^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/(\.github/workflows/[A-Za-z0-9_./-]+\.ya?ml)@`)
)

var linkShapeSeeds = []string{
	"", "/", "a/", "/b", "octo-org/octo-repo", "octo-org/octo-repo/", "a/b/c", "a b/c", "a/b\n", "é/b",
	"0", "0123456789", "12a", "١٢", "+1", "1\n",
	"0123456789abcdef0123456789abcdef01234567", "0123456789ABCDEF0123456789abcdef01234567",
	"0123456789abcdef0123456789abcdef0123456", "0123456789abcdef0123456789abcdef012345678",
	"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main",
	"octo-org/octo-repo/.github/workflows/deploy.yaml@refs/heads/main",
	"octo-org/octo-repo/.github/workflows/sub/dir/x.y.yml@v1@v2",
	"octo-org/octo-repo/.github/workflows/.yml@main", "octo-org/octo-repo/.github/workflows/a.yml",
	"octo-org/octo-repo/.github/workflows/a.yml@", "octo-org/octo-repo/.github/workflows/a.ymlx@main",
	"octo-org/octo-repo/.github/workflows/a b.yml@main", "octo-org/octo-repo/.github/workflows/a.yaml.yml@x",
	"octo-org/octo-repo/.github/workflowsa.yml@main", "octo-org/octo-repo/.github/actions/a.yml@main",
	"octo@org/octo-repo/.github/workflows/a.yml@main", "octo-org//.github/workflows/a.yml@main",
	"octo-org/octo-repo/.github/workflows/../a.yml@main", "octo-org/octo-repo/.github/workflows/a@b.yml@main",
	"o/r/.github/workflows/.yaml@m", "o/r/.github/workflows/x.yaml@m", "o/r/.github/workflows/xyaml@m",
}

func TestLinkShapesMatchTheirExpressions(t *testing.T) {
	for _, s := range linkShapeSeeds {
		checkLinkShapes(t, s)
	}
}

// FuzzLinkShapes: each shape check answers what its expression answers.
func FuzzLinkShapes(f *testing.F) {
	for _, s := range linkShapeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkLinkShapes)
}

func checkLinkShapes(t *testing.T, s string) {
	if got, want := isRepo(s), repoShapeRE.MatchString(s); got != want {
		t.Errorf("isRepo(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isDigits(s), digitsRE.MatchString(s); got != want {
		t.Errorf("isDigits(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isSHA(s), shaShapeRE.MatchString(s); got != want {
		t.Errorf("isSHA(%q) = %v, the expression says %v", s, got, want)
	}
	repo, path, ok := splitWorkflowRef(s)
	m := workflowRefRE.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (repo != m[1] || path != m[2]) {
		t.Errorf("splitWorkflowRef(%q) = %q, %q, %v; the expression says %q", s, repo, path, ok, m)
	}
}
