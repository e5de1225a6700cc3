package gcp

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestParseErrors: documents that hold no provider are errors that say
// what and where.
func TestParseErrors(t *testing.T) {
	cases := map[string][]string{
		"": {"empty"},
		"{\n  \"attributeMapping\": {\n    \"google.subject\": assertion.sub\n  }\n}": {"line 3, column 23"},
		`{"attributeMapping": {}} x`:           {"data after the JSON value", "line 1"},
		`[]`:                                   {"list of providers is empty"},
		`{"foo": 1}`:                           {"no provider found"},
		`"x"`:                                  {"a string, not a provider object"},
		"a: [\n  b":                            {"not JSON, and not YAML either"},
		`{"workloadIdentityPoolProviders": 3}`: {"workloadIdentityPoolProviders (line 1) is not a list"},
		`{"provider": []}`:                     {"provider (line 1) is a array, not a provider object"},
	}
	for doc, want := range cases {
		_, err := New().Parse("bad.json", []byte(doc))
		if err == nil || !errors.Is(err, ErrDocument) {
			t.Errorf("Parse(%q) = %v, want ErrDocument", doc, err)
			continue
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Parse(%q) error %q lacks %q", doc, err, w)
			}
		}
		if !strings.HasPrefix(err.Error(), "bad.json: ") {
			t.Errorf("error does not name the file: %q", err)
		}
	}
}

// TestParseShapes: every document shape, with sources and names.
func TestParseShapes(t *testing.T) {
	prov := func(id string) string {
		return `{"name": "projects/1/locations/global/workloadIdentityPools/p/providers/` + id + `", "attributeMapping": {"google.subject": "assertion.sub"}, "oidc": {"issuerUri": "` + ghIssuer + `"}}`
	}
	cases := []struct {
		name    string
		doc     string
		sources []string
		names   []string
		members []int
	}{
		{"describe", prov("a"), []string{"f"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/a"}, []int{0}},
		{"list", "[" + prov("a") + "," + prov("b") + "]", []string{"f#1", "f#2"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/a", "projects/1/locations/global/workloadIdentityPools/p/providers/b"}, []int{0, 0}},
		{"REST list", `{"workloadIdentityPoolProviders": [` + prov("a") + `], "nextPageToken": "x"}`, []string{"f"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/a"}, []int{0}},
		{"envelope member", `{"provider": ` + prov("a") + `, "member": "principalSet://x"}`, []string{"f"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/a"}, []int{1}},
		{"envelope providers and bindings", `{"providers": [` + prov("a") + `,` + prov("b") + `], "members": ["a", "b"], "bindings": [{"role": "r", "members": ["c"]}]}`, []string{"f#1", "f#2"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/a", "projects/1/locations/global/workloadIdentityPools/p/providers/b"}, []int{3, 3}},
		{"envelope in a list", `[{"provider": ` + prov("a") + `, "policy": {"bindings": [{"role": "r", "members": ["c", "d"]}], "etag": "x"}}, ` + prov("b") + `]`, []string{"f#1", "f#2"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/a", "projects/1/locations/global/workloadIdentityPools/p/providers/b"}, []int{2, 0}},
		{"displayName", `{"displayName": "dn", "attributeMapping": {"google.subject": "assertion.sub"}, "oidc": {"issuerUri": "i", "allowedAudiences": ["a"]}}`, []string{"f"}, []string{"dn"}, []int{0}},
		{"no name", `[{"attributeMapping": {"google.subject": "assertion.sub"}, "oidc": {"issuerUri": "i", "allowedAudiences": ["a"]}}, 5]`, []string{"f#1", "f#2"}, []string{"provider [0]", "provider [1]"}, []int{0, 0}},
		{"yaml list", "---\nname: projects/1/locations/global/workloadIdentityPools/p/providers/a\nattributeMapping:\n  google.subject: assertion.sub\noidc:\n  issuerUri: i\n  allowedAudiences: [a]\n---\nname: projects/1/locations/global/workloadIdentityPools/p/providers/b\nattributeMapping: {google.subject: assertion.sub}\noidc: {issuerUri: i}\n", []string{"f#1", "f#2"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/a", "projects/1/locations/global/workloadIdentityPools/p/providers/b"}, []int{0, 0}},
		{"yaml", "name: projects/1/locations/global/workloadIdentityPools/p/providers/y\nattributeMapping:\n  google.subject: assertion.sub\noidc:\n  issuerUri: " + ghIssuer + "\noidcscopeMembers:\n- principalSet://a\n", []string{"f"}, []string{"projects/1/locations/global/workloadIdentityPools/p/providers/y"}, []int{1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pols, err := New().Parse("f", []byte(tc.doc))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(pols) != len(tc.sources) {
				t.Fatalf("%d policies, want %d", len(pols), len(tc.sources))
			}
			for i, p := range pols {
				if p.Source() != tc.sources[i] || p.Name() != tc.names[i] || p.Provider() != policy.GCP {
					t.Errorf("#%d: source %q name %q provider %q", i, p.Source(), p.Name(), p.Provider())
				}
				if n := len(p.(*gcpPolicy).members); n != tc.members[i] {
					t.Errorf("#%d: %d members, want %d", i, n, tc.members[i])
				}
			}
		})
	}
}

// TestProviderProblems: what Google Cloud would refuse makes the provider
// an Error that names the field (and line), siblings unaffected.
func TestProviderProblems(t *testing.T) {
	many := make([]string, 0, 52)
	many = append(many, `"google.subject": "assertion.sub"`)
	for i := range 51 {
		many = append(many, fmt.Sprintf(`"attribute.a%d": "assertion.sub"`, i))
	}
	auds := `["1","2","3","4","5","6","7","8","9","10","11"]`
	cases := map[string]string{
		`"attributeMapping": {"google.subject": "assertion.sub", "attribute.Repo": "assertion.repository"}`:                      `attributeMapping["attribute.Repo"] (line 1): attribute key "Repo" may only contain [a-z0-9_]`,
		`"attributeMapping": {"google.subject": "assertion.sub", "attribute.` + strings.Repeat("k", 101) + `": "assertion.sub"}`: "attribute key is 101 characters; Google Cloud allows at most 100",
		`"attributeMapping": {` + strings.Join(many, ", ") + `}`:                                                                 "maps 51 custom attributes; Google Cloud allows at most 50",
		`"attributeMapping": {"google.subject": "assertion.sub + '` + strings.Repeat("x", 2040) + `'"}`:                          "the expression is 2058 characters; Google Cloud allows at most 2048",
		subjectM + `, "attributeCondition": "assertion.sub == '` + strings.Repeat("x", 4090) + `'"`:                              "the attribute condition is 4109 characters; Google Cloud allows at most 4096",
		`"attributeMapping": {"attribute.repo": "assertion.repository"}`:                                                         "has no google.subject: Google Cloud requires it for OIDC providers",
		`"displayName": "x"`: "attributeMapping: is missing",
		`"attributeMapping": {"google.subject": "assertion.sub", "google.display_name": "assertion.actor"}`: "google.display_name is not a workload identity pool attribute",
		`"attributeMapping": {"google.subject": "assertion.sub", "subject": "assertion.sub"}`:               "subject is not a mappable attribute",
		`"attributeMapping": {"google.subject": 7}`:                                                         "must be a CEL expression string, not a number",
		`"attributeMapping": {"google.subject": "google.subject"}`:                                          "an attribute mapping reads only assertion",
		`"attributeMapping": {"google.subject": ""}`:                                                        "the expression is empty",
		`"attributeMapping": {"google.subject": "assertion.sub", "google.subject": "assertion.actor"}`:      "appears more than once",
		subjectM + `, "attributeCondition": "'a' + 'b'"`:                                                    "must output a boolean; this expression is typed string",
		subjectM + `, "attributeCondition": 7`:                                                              "attributeCondition (line 1): must be a string, not a number",
		subjectM + `, "oidc": {"issuerUri": "i", "allowedAudiences": ` + auds + `}`:                         "lists 11 audiences; Google Cloud allows at most 10",
		subjectM + `, "oidc": {"issuerUri": "i", "allowedAudiences": ["` + strings.Repeat("a", 257) + `"]}`: "oidc.allowedAudiences[0] (line 1): is 257 characters",
		subjectM + `, "oidc": {"issuerUri": "i", "allowedAudiences": "a"}`:                                  "must be a list of strings, not a string",
		subjectM + `, "oidc": {"allowedAudiences": ["a"]}`:                                                  "oidc.issuerUri (line 1): is missing",
		subjectM + `, "oidc": "x"`:                                                                          "must be an object",
		subjectM + `, "disabled": "no"`:                                                                     "must be true or false",
		subjectM + `, "oidcscopeMembers": "principalSet://x"`:                                               "oidcscopeMembers (line 1): must be a list of strings",
		subjectM + `, "attributeCondition": "true", "attributeCondition": "false"`:                          "appears 2 times: ambiguous",
	}
	for fields, want := range cases {
		doc := `[` + providerDoc(fields) + `, ` + providerDoc(subjectM) + `]`
		pols, err := New().Parse("p.json", []byte(doc))
		if err != nil {
			t.Errorf("Parse(%.80s…): %v", fields, err)
			continue
		}
		r := pols[0].Evaluate(with(t, "push-main", map[string]any{"aud": refAud}))
		if r.Verdict != policy.Error || !strings.Contains(r.Error, want) || !strings.HasPrefix(r.Summary, "error: Google Cloud would refuse this provider") {
			t.Errorf("%.100s…:\n verdict %s, error %q\n want %q", fields, r.Verdict, r.Error, want)
		}
		if r2 := pols[1].Evaluate(with(t, "push-main", map[string]any{"aud": refAud})); r2.Verdict != policy.Allow {
			t.Errorf("sibling of %.60s…: %s %s", fields, r2.Verdict, r2.Summary)
		}
	}
	// A malformed name, and a provider without a name and without
	// allowedAudiences (its default audience is unknown).
	r := parseOne(t, `{"name": "projects/1/pools/x", "attributeMapping": {"google.subject": "assertion.sub"}, "oidc": {"issuerUri": "`+ghIssuer+`"}}`).Evaluate(fixtureToken(t, "push-main"))
	if r.Verdict != policy.Error || !strings.Contains(r.Error, `name (line 1): "projects/1/pools/x" is not a provider name`) {
		t.Errorf("malformed name: %s %q", r.Verdict, r.Error)
	}
	if a := cond(t, r, "audience"); a.Result != policy.Errored || !hasLine(a.Diagnosis, "has no (valid) name") {
		t.Errorf("audience without a name: %+v", a)
	}
	// An envelope's malformed members are the envelope's providers' problem.
	r = parseOne(t, `{"provider": `+providerDoc(subjectM)+`, "bindings": [{"role": "r", "members": [1]}]}`).Evaluate(fixtureToken(t, "push-main"))
	if r.Verdict != policy.Error || !strings.Contains(r.Error, "bindings[0].members (line 1): must be a list of strings; element 0 is a number") {
		t.Errorf("bad binding: %s %q", r.Verdict, r.Error)
	}
}

// TestIncompleteProviders: a provider without an oidc block, or without a
// name when its audience is the default, is never allowed silently.
func TestIncompleteProviders(t *testing.T) {
	r := parseOne(t, `{"attributeMapping": {"google.subject": "assertion.sub"}, "name": "`+referenceProvider+`"}`).Evaluate(with(t, "push-main", map[string]any{"aud": refAud}))
	if r.Verdict != policy.Error || !strings.Contains(r.Error, "oidc: is missing") {
		t.Errorf("no oidc block: %s %q", r.Verdict, r.Error)
	}
	r = parseOne(t, `{"attributeMapping": {"google.subject": "assertion.sub"}, "attributeCondition": "assertion.repository_id == '74'", "oidc": {"issuerUri": "`+ghIssuer+`"}}`).Evaluate(with(t, "push-main", map[string]any{"aud": refAud}))
	if r.Verdict != policy.Error || !strings.HasPrefix(r.Summary, "error: oidcscope cannot evaluate this provider: name: is missing") {
		t.Errorf("no name: %s %q", r.Verdict, r.Summary)
	}
	if a := cond(t, r, "audience"); a.Result != policy.Errored {
		t.Errorf("audience without a name: %+v", a)
	}
}
