package k8s

import (
	"encoding/json"
	"reflect"
	"regexp"
	"testing"

	"sigs.k8s.io/yaml"
)

func TestSummaryUser(t *testing.T) {
	tests := []struct {
		summary, user, groups string
	}{
		{`allow: jwt[0] (https://x) authenticates the token as user "repo:o/r:ref:refs/heads/main"`, "repo:o/r:ref:refs/heads/main", ""},
		{`allow: jwt[1] (https://x) authenticates the token as user "a"b" with groups [gh:o, dev]`, `a"b`, "gh:o, dev"},
		{"allow: jwt[1] (https://x) authenticates the token as user \"a\\nb\x1b\nc\"", "a\\nb\x1b\nc", ""},
		{`deny: jwt[0] (https://x): aud other is not one of issuer.audiences [k]`, "", ""},
	}
	for _, tt := range tests {
		user, groups := summaryUser(tt.summary)
		if user != tt.user || groups != tt.groups {
			t.Errorf("summaryUser(%q) = %q, %q; want %q, %q", tt.summary, user, groups, tt.user, tt.groups)
		}
	}
}

func TestFamilyBlanksValues(t *testing.T) {
	a := family(`jwt[0].issuer.url: Invalid value: "http://a": URL scheme must be https`)
	b := family(`jwt[12].issuer.url: Invalid value: "http://b/c": URL scheme must be https`)
	if a != b {
		t.Errorf("refusals of one kind tally apart:\n%s\n%s", a, b)
	}
	if family("no authenticator") == family("expected audience") {
		t.Error("different refusals tally together")
	}
}

// mappingCase has one rule, one mapping and one extra entry that use
// url(), and one of each that do not.
func mappingCase() testCase {
	auth := obj(
		m("issuer", obj(m("url", str(GitHubIssuer)), m("audiences", arr(str("k"))))),
		m("claimValidationRules", arr(obj(m("expression", str(`isURL(claims.sub)`))), obj(m("claim", str("ref")), m("requiredValue", str("x"))))),
		m("claimMappings", obj(
			m("username", obj(m("expression", str(`url(claims.sub).getHost()`)))),
			m("groups", obj(m("expression", str(`[url(claims.sub).getHost()]`)))),
			m("uid", obj(m("claim", str("actor_id")))),
			m("extra", arr(obj(m("key", str("example.com/a")), m("valueExpression", str(`url(claims.sub).getHost()`))),
				obj(m("key", str("example.com/b")), m("valueExpression", str(`claims.sub`))))),
		)),
	)
	return testCase{config: obj(m("jwt", arr(auth))), claims: obj(m("sub", str("x"))), format: "json"}
}

func TestWithoutExprs(t *testing.T) {
	c := mappingCase()
	before := c.config.Text()
	got := withoutExprs(c, regexp.MustCompile(`url\(|isURL\(`)).config.Text()
	want := obj(m("jwt", arr(obj(
		m("issuer", obj(m("url", str(GitHubIssuer)), m("audiences", arr(str("k"))))),
		m("claimValidationRules", arr(obj(m("claim", str("ref")), m("requiredValue", str("x"))))),
		m("claimMappings", obj(
			m("username", obj(m("claim", str("sub")), m("prefix", str("")))),
			m("uid", obj(m("claim", str("actor_id")))),
			m("extra", arr(obj(m("key", str("example.com/b")), m("valueExpression", str(`claims.sub`))))),
		)),
	)))).Text()
	if got != want {
		t.Errorf("without url():\n got %s\nwant %s", got, want)
	}
	if c.config.Text() != before {
		t.Error("withoutExprs changed the case it was given")
	}
}

func TestCanonicalClaims(t *testing.T) {
	claims := obj(m("sub", scalar("7")), m("ISS", str("https://evil")), m("aud", str("a")), m("aud", str("b")), m("x", str("y")))
	if got := tokenOddities(claims); len(got) != 3 {
		t.Errorf("tokenOddities = %q, want a duplicate, a case variant and a non-string sub", got)
	}
	got := canonicalClaims(claims)
	want := obj(m("sub", str("repo:octo-org/octo-repo:ref:refs/heads/main")), m("aud", str("b")), m("x", str("y")))
	if got.Text() != want.Text() {
		t.Errorf("canonicalClaims = %s, want %s", got.Text(), want.Text())
	}
	if len(tokenOddities(got)) != 0 {
		t.Errorf("the canonical claims still have oddities: %q", tokenOddities(got))
	}
}

func TestClassify(t *testing.T) {
	usesURL := regexp.MustCompile(`url\(|isURL\(`)
	// The two sides agree once no expression calls url(): the class of
	// Kubernetes' libraries explains the disagreement.
	agreeWithoutURL := func(c testCase) (bool, error) {
		for _, s := range exprTexts(c.config) {
			if usesURL.MatchString(s) {
				return false, nil
			}
		}
		return true, nil
	}
	k, err := classify(mappingCase(), agreeWithoutURL)
	if err != nil || k == nil || k.id != "kubernetes-cel-library" {
		t.Fatalf("classify = %v, %v; want kubernetes-cel-library", k, err)
	}
	// A disagreement no feature's removal cures stays unexplained.
	never := func(testCase) (bool, error) { return false, nil }
	if k, err := classify(mappingCase(), never); err != nil || k != nil {
		t.Fatalf("classify = %v, %v; want nothing", k, err)
	}
}

func TestYAMLReadsAsTheJSON(t *testing.T) {
	for i := range 200 {
		c := genCase(7, i, 1_800_000_000)
		var fromJSON, fromYAML any
		if err := json.Unmarshal([]byte(c.config.Text()), &fromJSON); err != nil {
			t.Fatal(err)
		}
		y := c.config.YAMLText(false)
		if err := yaml.Unmarshal([]byte(y), &fromYAML); err != nil {
			t.Fatalf("case %d: %v\n%s", i, err, y)
		}
		if !reflect.DeepEqual(fromJSON, fromYAML) {
			t.Fatalf("case %d: the YAML rendering reads differently:\n%s\n%s", i, c.config.Text(), y)
		}
	}
}

func TestUnnamed(t *testing.T) {
	kube := `[jwt[0].issuer.url: Invalid value: "http://x": URL scheme must be https, jwt[0].claimMappings.username.prefix: Required value: prefix is required]`
	if got := unnamed(kube, "kube-apiserver refuses this configuration: jwt[0].issuer.url: Invalid value: ...; jwt[0].claimMappings.username.prefix: Required value"); len(got) != 0 {
		t.Errorf("unnamed = %q, want none", got)
	}
	if got := unnamed(kube, "jwt[0].issuer.url: must be https"); !reflect.DeepEqual(got, []string{"jwt[0].claimMappings.username.prefix"}) {
		t.Errorf("unnamed = %q, want the prefix's path", got)
	}
	if got := unnamed(`strict decoding error: unknown field "jwt[0].issuer.audience"`, "unknown field"); !reflect.DeepEqual(got, []string{"jwt[0].issuer.audience"}) {
		t.Errorf("unnamed = %q, want the unknown field", got)
	}
	twoUnknown := `strict decoding error: unknown field "jwt[0].Issuer", duplicate field "jwt[1].issuer"`
	if got := unnamed(twoUnknown, `jwt[1].issuer: duplicate field`); len(got) != 0 {
		t.Errorf("unnamed = %q, want none: one refused field is enough", got)
	}
}
