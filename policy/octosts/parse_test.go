package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestParseErrors: a file octo-sts cannot read is an error that says what
// and on which line, wrapping ErrUnreadable and the decoder's cause.
func TestParseErrors(t *testing.T) {
	policytest.CheckParseRefusals(t, provider(), "x.sts.yaml", "", []policytest.ParseRefusal{
		{Name: "unknown field", Doc: "issuer: x\nsubjet: y\n", Is: ErrUnreadable, Says: []string{"line 2", `unknown field "subjet"`, `did you mean "subject"`, "refuses the whole file"}},
		{Name: "unknown field in JSON", Doc: `{"issuer": "x", "subject": "y", "audiences": ["z"]}`, Is: ErrUnreadable, Says: []string{"line 1", `unknown field "audiences"`, `did you mean "audience"`}},
		{Name: "newer octo-sts field", Doc: "issuer: x\nsubject: y\napp: my-app\n", Is: ErrUnreadable, Says: []string{"line 3", `unknown field "app"`, "newer octo-sts releases accept app"}},
		{Name: "duplicate key", Doc: "issuer: x\nsubject: y\nsubject: z\n", Is: ErrUnreadable, Says: []string{"line 3", `key "subject" already set`}},
		{Name: "list where a string goes", Doc: "issuer: x\nsubject:\n  - a\n  - b\n", Is: ErrUnreadable, Says: []string{"line 2", "subject: a list where octo-sts expects a string"}},
		{Name: "string where claim_pattern goes", Doc: "issuer: x\nsubject: y\nclaim_pattern: ref\n", Is: ErrUnreadable, Says: []string{"line 3", "claim_pattern: a string where octo-sts expects a mapping"}},
		{Name: "list where claim_pattern values go", Doc: "issuer: x\nsubject: y\nclaim_pattern:\n  ref: [a]\n", Is: ErrUnreadable, Says: []string{"line 3", "claim_pattern: a list where octo-sts expects a string"}},
		{Name: "permissions as a word", Doc: "issuer: x\nsubject: y\npermissions: read-all\n", Is: ErrUnreadable, Says: []string{"line 3", "permissions"}},
		{Name: "YAML syntax", Doc: "issuer: x\n  subject: y\n", Is: ErrUnreadable, Says: []string{"line 2", "YAML: mapping values are not allowed"}},
		{Name: "a list, not a mapping", Doc: "- issuer: x\n", Is: ErrUnreadable, Says: []string{"the document is a list, not a mapping"}},
		{Name: "empty", Doc: "", Is: ErrUnreadable, Says: []string{"the document is empty"}},
		{Name: "comments only", Doc: "# Copyright\n# nothing else\n", Is: ErrUnreadable, Says: []string{"the document is empty"}},
	})
}

// TestParseNames: Source is the path, Name the identity octo-sts is asked
// for (the file name without .sts.yaml).
func TestParseNames(t *testing.T) {
	for source, name := range map[string]string{
		".github/chainguard/deploy.sts.yaml":     "deploy",
		`C:\repo\.github\chainguard\ci.sts.yaml`: "ci",
		"policy.json":                            "policy.json",
		"-":                                      "-",
	} {
		pols, err := provider().Parse(source, []byte("issuer: x\nsubject: y\n"))
		if err != nil {
			t.Fatal(err)
		}
		if pols[0].Source() != source || pols[0].Name() != name || pols[0].Provider() != policy.OctoSTS {
			t.Errorf("%s: source %q name %q provider %q, want name %q", source, pols[0].Source(), pols[0].Name(), pols[0].Provider(), name)
		}
	}
}

// TestParseJSONFormMatchesYAML: the JSON form of a policy behaves as its
// YAML form.
func TestParseJSONFormMatchesYAML(t *testing.T) {
	y := parseOne(t, provider(), "issuer: "+gh+"\nsubject_pattern: 'repo:octo-org/octo-repo:.*'\naudience: sts.amazonaws.com\nclaim_pattern:\n  repository_id: '74'\n")
	j := parseOne(t, provider(), `{"issuer":"`+gh+`","subject_pattern":"repo:octo-org/octo-repo:.*","audience":"sts.amazonaws.com","claim_pattern":{"repository_id":"74"}}`)
	for _, n := range policytest.FixtureNames() {
		tok := policytest.FixtureToken(t, n)
		if a, b := y.Evaluate(tok), j.Evaluate(tok); a.Verdict != b.Verdict || len(a.Conditions) != len(b.Conditions) {
			t.Errorf("%s: yaml %s, json %s", n, a.Verdict, b.Verdict)
		}
	}
}

// TestOrgPolicyUnquotedScalars: octo-sts reads the organization's policy
// (the .github repository) into OrgTrustPolicy, which embeds TrustPolicy;
// sigs.k8s.io/yaml then leaves an unquoted number or boolean in a string
// field unconverted and the strict decoding refuses the whole file, while
// a repository's own policy reads it as a string. A file with
// repositories: is only valid as the organization's policy, so there it
// is refused; elsewhere it is a warning. oidcscope accepted both.
func TestOrgPolicyUnquotedScalars(t *testing.T) {
	const org = "issuer: " + gh + "\nsubject_pattern: 'repo:octo-org/.*'\nrepositories: [octo-repo]\n"
	const repo = "issuer: " + gh + "\nsubject_pattern: 'repo:octo-org/octo-repo:.*'\n"
	policytest.CheckParseRefusals(t, provider(), "x.sts.yaml", "", []policytest.ParseRefusal{
		{Name: "number in claim_pattern", Doc: org + "claim_pattern:\n  repository_id: 74\n", Is: ErrUnreadable, Says: []string{"claim_pattern.repository_id", "unable to parse trust policy", "quote it"}},
		{Name: "boolean in claim_pattern", Doc: org + "claim_pattern:\n  ref_protected: true\n", Is: ErrUnreadable, Says: []string{"claim_pattern.ref_protected", "unable to parse trust policy", "quote it"}},
		{Name: "YAML 1.1 yes in permissions", Doc: org + "permissions:\n  contents: yes\n", Is: ErrUnreadable, Says: []string{"permissions.contents", "unable to parse trust policy", "quote it"}},
	})
	warned := []struct{ name, doc, lint string }{
		{"number in a repository's policy", repo + "claim_pattern:\n  repository_id: 74\n", "claim_pattern.repository_id"},
		{"boolean in a repository's policy", repo + "claim_pattern:\n  ref_protected: true\n", "claim_pattern.ref_protected"},
		{"quoted in the organization's policy", org + "claim_pattern:\n  repository_id: '74'\n", ""},
		{"quoted in a repository's policy", repo + "claim_pattern:\n  repository_id: '74'\n  ref_protected: 'true'\n", ""},
	}
	tok := policytest.FixtureToken(t, "push-main")
	for _, tt := range warned {
		t.Run(tt.name, func(t *testing.T) {
			r := parseOne(t, provider(), tt.doc).Evaluate(tok)
			var msgs []string
			for _, f := range r.Lint {
				if f.Rule == RuleUnquotedScalar {
					msgs = append(msgs, f.Message)
				}
			}
			switch {
			case tt.lint == "" && len(msgs) > 0:
				t.Errorf("finding on quoted values: %v", msgs)
			case tt.lint != "" && (len(msgs) != 1 || !strings.Contains(msgs[0], tt.lint) || !strings.Contains(msgs[0], "organization")):
				t.Errorf("findings %v, want one on %s naming the organization's policy", msgs, tt.lint)
			}
		})
	}
}
