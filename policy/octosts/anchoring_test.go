package octosts

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// The policies a user reported: a top-level "|" whose later branch is the
// tail of the first (tags), one of two whole subjects, and one that
// compiles only ungrouped (a leading "*").
const (
	tagsAltDoc     = "issuer: " + gh + "\nsubject_pattern: \"repo:octo-org/octo-repo:ref:refs/heads/main|refs/tags/v.*\"\nclaim_pattern:\n  repository_id: \"74\"\npermissions:\n  contents: read\n"
	altDoc         = "issuer: " + gh + "\nsubject_pattern: \"repo:other-org/x:.*|repo:octo-org/octo-repo:ref:refs/heads/dev\"\npermissions:\n  contents: read\n"
	compileOnlyDoc = "issuer: " + gh + "\nsubject_pattern: \"*repo:octo-org/octo-repo:ref:refs/heads/main\"\npermissions:\n  contents: read\n"
	tagSub         = "repo:octo-org/octo-repo:ref:refs/tags/v1.4.0"
	evilSub        = "repo:evil/x:repo:octo-org/octo-repo:ref:refs/heads/dev"
)

func stsToken(t *testing.T, sub string) policy.Token {
	return policytest.Payload(t, `{"iss":"`+gh+`","sub":"`+sub+`","aud":"octo-sts.dev","repository_id":"74","repository_owner":"octo-org"}`)
}

// TestDefaultAnchoringIsTheFixedOne: the public octo-sts.dev runs
// octo-sts/app after PR #1643 (GHSA-mwqh-2vg8-rhj3), which compiles every
// pattern alone and then as "^(?:" + p + ")$". New() judges that way: a
// token that matches only through the ungrouped reading is denied with
// octo-sts's own mismatch error, and the diagnosis says the older
// releases (up to v0.8.0, @cb87fc17) accept it. AnchorCaretDollar still
// gives the old verdicts.
func TestDefaultAnchoringIsTheFixedOne(t *testing.T) {
	tests := []struct {
		name, doc, sub string
		want, old      policy.Verdict // New(); AnchorCaretDollar
		summary        string         // New()'s summary contains this
		diag           []string       // New()'s diagnoses contain these
	}{
		{"tail branch", tagsAltDoc, tagSub, policy.Deny, policy.Allow,
			`octo-sts refuses this token at subject_pattern: subject "` + tagSub + `" did not match pattern "repo:octo-org/octo-repo:ref:refs/heads/main|refs/tags/v.*"`,
			[]string{"octo-sts/app up to v0.8.0", "@cb87fc17", "older self-hosted", "ungrouped", `"repo:octo-org/octo-repo:ref:refs/(?:heads/main|tags/v.*)"`}},
		{"suffix of the last branch", altDoc, evilSub, policy.Deny, policy.Allow,
			`subject "` + evilSub + `" did not match pattern`,
			[]string{"octo-sts/app up to v0.8.0", "@cb87fc17", "older self-hosted"}},
		{"compiles only ungrouped", compileOnlyDoc, "repo:octo-org/octo-repo:ref:refs/heads/main", policy.Error, policy.Allow,
			`"unable to compile trust policy"`,
			[]string{"invalid subject_pattern", "octo-sts/app up to v0.8.0", "leading"}},
		{"a whole alternative", altDoc, "repo:octo-org/octo-repo:ref:refs/heads/dev", policy.Allow, policy.Allow, "octo-sts accepts this token", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tok := stsToken(t, tt.sub)
			r := parseOne(t, provider(), tt.doc).Evaluate(tok)
			if r.Verdict != tt.want {
				t.Fatalf("New(): verdict %s, want %s: %s\n%s", r.Verdict, tt.want, r.Summary, allDiagnoses(r))
			}
			if !strings.Contains(r.Summary, tt.summary) {
				t.Errorf("summary %q lacks %q", r.Summary, tt.summary)
			}
			if strings.Contains(r.Summary, "ungrouped anchoring") {
				t.Errorf("summary %q still judges by the ungrouped anchoring", r.Summary)
			}
			for _, d := range tt.diag {
				if !strings.Contains(allDiagnoses(r), d) {
					t.Errorf("no diagnosis mentions %q:\n%s", d, allDiagnoses(r))
				}
			}
			old := parseOne(t, &Provider{Domain: DefaultDomain, Anchoring: AnchorCaretDollar}, tt.doc).Evaluate(tok)
			if old.Verdict != tt.old {
				t.Errorf("AnchorCaretDollar: verdict %s, want %s: %s", old.Verdict, tt.old, old.Summary)
			}
		})
	}
}

// TestUnanchoredAlternationLintUnderDefault: the lint says what the public
// service does (refuses the token, anchors each branch) and that older
// versions leak; its fix for a branch that is the tail of the first
// factors the common beginning out, since grouping the branches as
// written would refuse every tag.
func TestUnanchoredAlternationLintUnderDefault(t *testing.T) {
	tests := []struct {
		name, doc, sub string
		severity       string
		mention        []string
		not            string
	}{
		{"tail branch: the token", tagsAltDoc, tagSub, policy.SevWarning,
			[]string{"this token's sub", "refuses it", "octo-sts/app up to v0.8.0", `"repo:octo-org/octo-repo:ref:refs/(?:heads/main|tags/v.*)"`},
			`"(?:repo:octo-org/octo-repo:ref:refs/heads/main|refs/tags/v.*)"`},
		{"tail branch: the policy", tagsAltDoc, "repo:octo-org/octo-repo:ref:refs/heads/main", policy.SevWarning,
			[]string{"octo-sts/app up to v0.8.0", "older self-hosted", `"repo:octo-org/octo-repo:ref:refs/(?:heads/main|tags/v.*)"`, "tags/v.*"},
			`"(?:repo:octo-org/octo-repo:ref:refs/heads/main|refs/tags/v.*)"`},
		{"whole subjects: the token", altDoc, evilSub, policy.SevWarning,
			[]string{"refuses it", "octo-sts/app up to v0.8.0", `"(?:repo:other-org/x:.*|repo:octo-org/octo-repo:ref:refs/heads/dev)"`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseOne(t, provider(), tt.doc).Evaluate(stsToken(t, tt.sub))
			// The token's own finding when it has one, else the policy's.
			lint := slices.DeleteFunc(slices.Clone(r.Lint), func(f policy.Finding) bool {
				return strings.HasPrefix(f.Message, "this token's") != strings.Contains(tt.name, "the token")
			})
			policytest.CheckFinding(t, lint, RuleUnanchoredAlternation, tt.severity, tt.mention...)
			for _, f := range r.Lint {
				if f.Rule == RuleUnanchoredAlternation && strings.Contains(f.Message, "octo-sts compiles \"^") {
					t.Errorf("the lint still says octo-sts compiles the ungrouped form: %s", f.Message)
				}
				if tt.not != "" && strings.Contains(f.Message, tt.not) {
					t.Errorf("the lint suggests %s, which refuses every tag: %s", tt.not, f.Message)
				}
			}
		})
	}
}

// TestAlternationFix: a branch that lacks the beginning the first branch
// has is its tail: the fix factors the common beginning out. Branches
// that are whole values are grouped; a tail that cannot be factored
// safely is named plainly.
func TestAlternationFix(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"repo:octo-org/octo-repo:ref:refs/heads/main|refs/tags/v.*", `"repo:octo-org/octo-repo:ref:refs/(?:heads/main|tags/v.*)"`},
		{"repo:o/r:ref:refs/heads/main|refs/heads/dev|refs/tags/v.*", `"repo:o/r:ref:refs/(?:heads/main|heads/dev|tags/v.*)"`},
		{"repo:o/r:environment:prod|staging", `"repo:o/r:environment:(?:prod|staging)"`},
		{"repo:a/x:.*|repo:b/y:.*", `"(?:repo:a/x:.*|repo:b/y:.*)"`},
		{"refs/heads/main|refs/tags/v1", `"(?:refs/heads/main|refs/tags/v1)"`},
		{"repo:(o|p)/r:ref:refs/heads/main|refs/tags/v.*", `"repo:(o|p)/r:ref:refs/(?:heads/main|tags/v.*)"`},
		{"(repo:o/r:ref:refs/heads/main)|refs/tags/v.*", "Each alternative must match the whole value"},
		{"repo:o/r:ref:refs/heads/main|environment:prod", "Each alternative must match the whole value"},
		{"repo:o/r:ref:refs/heads/main|refs/*", "Each alternative must match the whole value"},
		{"(?m)refs/heads/main|refs/tags/v1", `"(?:(?m)refs/heads/main|refs/tags/v1)"`},
		{"main|develop", `"(?:main|develop)"`},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			f := parseOne(t, provider(), "issuer: "+gh+"\nsubject_pattern: '"+tt.pattern+"'\n").(*trustPolicy).subject
			if got := alternationFix(f); !strings.Contains(got, tt.want) {
				t.Errorf("alternationFix = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}
