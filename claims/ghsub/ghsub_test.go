package ghsub

import (
	"regexp"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		sub               string
		ok, imm, hasRest  bool
		owner, name, rest string
		ownerID, repoID   string
	}{
		{sub: "repo:octo-org/octo-repo:ref:refs/heads/main", ok: true, hasRest: true, owner: "octo-org", name: "octo-repo", rest: "ref:refs/heads/main"},
		{sub: "repo:octo-org@65/octo-repo@74:environment:prod", ok: true, imm: true, hasRest: true, owner: "octo-org", name: "octo-repo", ownerID: "65", repoID: "74", rest: "environment:prod"},
		{sub: "repo:octo-org@65/octo-repo@74", ok: true, imm: true, owner: "octo-org", name: "octo-repo", ownerID: "65", repoID: "74"},
		{sub: "repo:octo-org/octo-repo:pull_request", ok: true, hasRest: true, owner: "octo-org", name: "octo-repo", rest: "pull_request"},
		{sub: "repo:o/*:ref:x", ok: true, hasRest: true, owner: "o", name: "*", rest: "ref:x"},
		{sub: "repo:o/r/x:ref:x", ok: true, hasRest: true, owner: "o", name: "r/x", rest: "ref:x"}, // a pattern's name may span '/'
		{sub: "repo:o@1/r:ref:x"},   // half immutable
		{sub: "repo:o@/r@2:ref:x"},  // no owner ID
		{sub: "repo:o@x/r@2:ref:x"}, // ID not digits
		{sub: "repo:@1/r@2:ref:x"},  // no owner
		{sub: "repo:o@1/r@2/x@3:a"}, // immutable names hold no '/'
		{sub: "repo:/r:ref:x"},
		{sub: "repo:o/:ref:x"},
		{sub: "repo:o:ref:x"},
		{sub: "job_workflow_ref:o/r/.github/workflows/x.yml@refs/heads/main"},
		{sub: "Repo:o/r:ref:x"},
		{sub: ""},
	} {
		s, ok := Parse(c.sub)
		if ok != c.ok {
			t.Errorf("Parse(%q) ok = %v, want %v", c.sub, ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		r := s.Repo
		if r.Immutable() != c.imm || s.HasRest != c.hasRest || r.Owner != c.owner || r.Name != c.name ||
			s.Rest != c.rest || r.OwnerID != c.ownerID || r.RepoID != c.repoID {
			t.Errorf("Parse(%q) = %+v", c.sub, s)
		}
	}
}

func TestRepoStringsAndForms(t *testing.T) {
	imm := Repo{Owner: "o", OwnerID: "1", Name: "r", RepoID: "2"}
	if got := imm.String(); got != "o@1/r@2" {
		t.Errorf("String = %q", got)
	}
	if got := imm.Legacy().String(); got != "o/r" {
		t.Errorf("Legacy = %q", got)
	}
	if got := (Repo{Owner: "o", Name: "r"}).String(); got != "o/r" {
		t.Errorf("legacy String = %q", got)
	}
	if got := imm.Legacy().WithIDs("1", "2"); got != imm {
		t.Errorf("WithIDs = %+v", got)
	}
	if got := imm.Prefix(); got != "repo:o@1/r@2" {
		t.Errorf("Prefix = %q", got)
	}
}

func TestFormChecks(t *testing.T) {
	for _, c := range []struct {
		sub                   string
		legacy, imm, immOrEnd bool
	}{
		{"repo:o/r:ref:x", true, false, false},
		{"repo:o@1/r@2:ref:x", false, true, true},
		{"repo:o@1/r@2", false, false, true},
		{"repo:o/r", false, false, false},
		{"repo:o@1/r:x", false, false, false},
		{"sub", false, false, false},
	} {
		if got := IsLegacy(c.sub); got != c.legacy {
			t.Errorf("IsLegacy(%q) = %v", c.sub, got)
		}
		if got := IsImmutable(c.sub); got != c.imm {
			t.Errorf("IsImmutable(%q) = %v", c.sub, got)
		}
		s, ok := Parse(c.sub)
		if got := ok && s.Repo.Immutable(); got != c.immOrEnd {
			t.Errorf("Parse(%q) immutable = %v", c.sub, got)
		}
	}
}

func TestContext(t *testing.T) {
	for sub, want := range map[string]string{
		"repo:o/r:environment:prod":           "environment",
		"repo:o/r:ref:refs/heads/main":        "ref",
		"repo:o/r:pull_request":               "pull_request",
		"repo:o/r:environment:ref:x":          "environment",
		"repo:o/r:job_workflow_ref:o/r/x.yml": "",
		"repo:o/r:*":                          "",
	} {
		if got := Context(sub); got != want {
			t.Errorf("Context(%q) = %q, want %q", sub, got, want)
		}
	}
}

// TestFormsMatchRegexps: the string tests accept exactly what the regular
// expressions they replaced did, on every string of up to 7 characters
// over an alphabet of the characters that matter, and on real subjects.
func TestFormsMatchRegexps(t *testing.T) {
	immutable := regexp.MustCompile(`^repo:[^/:]+@[0-9]+/[^/:]+@[0-9]+:`)
	immutableOrEnd := regexp.MustCompile(`^repo:[^/:]+@[0-9]+/[^/:]+@[0-9]+(:|$)`)
	legacy := regexp.MustCompile(`^repo:[^/:@]+/[^:@]+:`)
	check := func(s string) {
		if got, want := IsImmutable(s), immutable.MatchString(s); got != want {
			t.Errorf("IsImmutable(%q) = %v, want %v", s, got, want)
		}
		if got, want := IsLegacy(s), legacy.MatchString(s); got != want {
			t.Errorf("IsLegacy(%q) = %v, want %v", s, got, want)
		}
		sub, ok := Parse(s)
		if got, want := ok && sub.Repo.Immutable(), immutableOrEnd.MatchString(s); got != want {
			t.Errorf("Parse(%q) immutable = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{
		"repo:octo-org/octo-repo:ref:refs/heads/main", "repo:octo-org@65/octo-repo@74:environment:prod",
		"repo:o@6@5/r@7:x", "repo:o@/r@7:x", "repo:@1/r@7:x", "repo:o@1/r@7", "repo:o/r/x:y", "repo:o/@:x", "repo:",
		"repo:o@1:r@2:", "Repo:o/r:x", "repo:o@1/r@2x:", "repo:o@1/r/@2:",
	} {
		check(s)
	}
	alphabet := []byte("o@1/:")
	var walk func(prefix []byte, n int)
	walk = func(prefix []byte, n int) {
		check("repo:" + string(prefix))
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			walk(append(prefix, c), n-1)
		}
	}
	walk(nil, 7)
}

func TestEnvironment(t *testing.T) {
	for sub, want := range map[string]string{
		"repo:o/r:environment:prod":                      "prod",
		"repo:o@1/r@2:environment:prod":                  "prod",
		"repo:o/r:environment:prod:job_workflow_ref:x@y": "prod",
		"repo:o/r:ref:refs/heads/environment":            "",
		"repo:o/r:pull_request":                          "",
		"":                                               "",
	} {
		if got := Environment(sub); got != want {
			t.Errorf("Environment(%q) = %q, want %q", sub, got, want)
		}
	}
}
