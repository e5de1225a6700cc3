package gcp

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/internal/shellquote/shelltest"
	"github.com/oidcscope/oidcscope/policy"
)

// placeholder is a <NAME> a fix asks the person to fill in.
var placeholder = regexp.MustCompile(`<([A-Z_]+)>`)

// TestStateFixesRunAsPrinted pastes the gcloud commands that undelete and
// enable a provider into bash, as a person copies them (the report prints
// a fix's text as is): each part of the document's name must reach gcloud
// as one argument, byte for byte, and nothing else may run. A part that no
// printed command can hold leaves the name to placeholders.
func TestStateFixesRunAsPrinted(t *testing.T) {
	for _, tc := range []struct {
		name, project, location, pool, id string
		printed                           bool // the name's parts are in the commands
	}{
		{"plain", "123456789", "global", "github", "my-repo", true},
		{"separator and expansion", "1;touch${IFS}pwned;#", "global", "$(touch q)", "my-repo", true},
		{"spaces, globs, double quotes", "123", "glo bal", `"$HOME"*{a,b}`, "a&b|c>d", true},
		{"backquotes", "123", "global", "github", "`touch s`", false},
		{"newline", "123", "global", "git\ntouch t", "my-repo", false},
		{"single quote", "123", "global", "it's", "my-repo", false},
		{"option", "123", "global", "github", "--impersonate-service-account=x", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "projects/" + tc.project + "/locations/" + tc.location + "/workloadIdentityPools/" + tc.pool + "/providers/" + tc.id
			raw, err := json.Marshal(name)
			if err != nil {
				t.Fatal(err)
			}
			doc := `{"name": ` + string(raw) + `, "oidc": {"issuerUri": "` + ghIssuer + `"}, "state": "DELETED", "disabled": true, "attributeMapping": {"google.subject": "assertion.sub"}}`
			r := parseOne(t, doc).Evaluate(fixtureToken(t, "push-main"))
			var cmds []string
			for _, f := range r.Fixes {
				if strings.HasPrefix(f.Text, "gcloud ") {
					cmds = append(cmds, "`"+f.Text+"`")
				}
			}
			if len(cmds) != 2 {
				t.Fatalf("want the undelete and the enable command, got %+v", r.Fixes)
			}
			project, location, pool, id := tc.project, tc.location, tc.pool, tc.id
			if !tc.printed {
				project, location, pool, id = "PROJECT_NUMBER", "LOCATION", "POOL_ID", "PROVIDER_ID"
			}
			args := []string{id, "--workload-identity-pool=" + pool, "--location=" + location, "--project=" + project}
			script := placeholder.ReplaceAllString(strings.Join(shelltest.Commands(cmds, "gcloud"), "\n"), "$1")
			calls := shelltest.Run(t, script, "gcloud")
			want := [][]string{
				append([]string{"iam", "workload-identity-pools", "providers", "undelete"}, args...),
				append(append([]string{"iam", "workload-identity-pools", "providers", "update-oidc"}, args...), "--no-disabled"),
			}
			if !slices.EqualFunc(calls, want, slices.Equal) {
				t.Errorf("%s\nran gcloud with %q, want %q", script, calls, want)
			}
		})
	}
}

// prodMember is an IAM member for the prod environment's jobs only.
const prodMember = "principal://iam.googleapis.com/" + poolPath + "/subject/repo:octo-org/octo-repo:environment:prod"

// TestMemberFixesNoWiderThanTheMembers: the block's members (the token's
// snippets and the fixes) never grant the
// attached members' role more widely than they do. Narrower members (one
// subject) get at most this token's own subject; a repository-wide member
// only where the attached ones are as wide (another repository) or name
// no principal of this pool; an owner-wide member never.
func TestMemberFixesNoWiderThanTheMembers(t *testing.T) {
	mapping := `"attributeCondition": "assertion.repository_id == '74'", "attributeMapping": {"google.subject": "assertion.sub"}, `
	repoWide := "principalSet://iam.googleapis.com/" + poolPath + "/attribute.repository_id/74"
	tok := func(name string, changes map[string]any) policy.Token {
		if changes == nil {
			changes = map[string]any{}
		}
		changes["aud"] = refAud
		return with(t, name, changes)
	}
	for _, tc := range []struct {
		name    string
		members string
		tok     policy.Token
		want    []string // the member fixes, in order
	}{
		{"env-scoped member, pull request", `"` + prodMember + `"`, tok("pull-request", nil),
			[]string{"principal://iam.googleapis.com/" + poolPath + "/subject/repo:octo-org/octo-repo:pull_request"}},
		{"env-scoped member, push", `"` + prodMember + `"`, tok("push-main", nil),
			[]string{"principal://iam.googleapis.com/" + poolPath + "/subject/repo:octo-org/octo-repo:ref:refs/heads/main"}},
		{"another repository's member", `"principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository_id/99"`, tok("push-main", nil),
			[]string{repoWide}},
		{"another owner's member", `"principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository_owner_id/66"`, tok("push-main", nil),
			[]string{repoWide}},
		{"no member of this pool", `"serviceAccount:deploy@project.iam.gserviceaccount.com"`, tok("push-main", nil),
			[]string{repoWide}},
		{"hostile repository_id", `"principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository_id/99"`,
			tok("push-main", map[string]any{"repository_id": "74\", \"x\": \"y\n\x1b[31mRED\\"}), nil},
		{"hostile sub", `"` + prodMember + `"`,
			tok("push-main", map[string]any{"sub": "repo:octo-org/octo-repo:ref:refs/heads/a\"b\nc"}), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseOne(t, providerDoc(mapping+`"oidcscopeMembers": [`+tc.members+`]`)).Evaluate(tc.tok)
			if r.Verdict == policy.Allow {
				t.Fatalf("the case does not refuse: %s", r.Summary)
			}
			var got []string
			block := insteadBlock(r, tc.tok)
			for _, f := range block {
				if strings.HasPrefix(f.Text, "principal") {
					got = append(got, f.Text)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("members in the block %q, want %q\n%+v", got, tc.want, block)
			}
		})
	}
}

// TestConditionFixesPinTheRepository: a condition fix for a condition that
// reads a claim the token lacks pins this repository by its ID (and its
// owner's, when the token has it), says which restriction it drops, and
// is not offered without a repository_id of digits.
func TestConditionFixesPinTheRepository(t *testing.T) {
	envOwner := `"attributeCondition": "assertion.environment == 'prod' && assertion.repository_owner == 'octo-org'", "attributeMapping": {"google.subject": "assertion.sub"}`
	envOnly := `"attributeCondition": "has(assertion.environment) && assertion.environment == 'prod'", "attributeMapping": {"google.subject": "assertion.sub"}`
	push := func(changes map[string]any) policy.Token {
		changes["aud"] = refAud
		return with(t, "push-main", changes)
	}
	ids := []string{"assertion.repository_id == '74'", "assertion.repository_owner_id == '65'"}
	for _, tc := range []struct {
		name, fields string
		tok          policy.Token
		want         []string // the condition terms the fixes offer
	}{
		{"environment and owner name", envOwner, push(map[string]any{}), ids},
		{"environment only", envOnly, push(map[string]any{}), ids},
		{"pull request", envOwner, with(t, "pull-request", map[string]any{"aud": refAud}), ids},
		{"no repository_owner_id", envOwner, push(map[string]any{"repository_owner_id": nil}), ids[:1]},
		{"no repository_id", envOwner, push(map[string]any{"repository_id": nil}), nil},
		{"repository_id not digits", envOwner, push(map[string]any{"repository_id": "74' || true || '"}), nil},
		{"repository_owner_id not digits", envOwner, push(map[string]any{"repository_owner_id": "6\n5"}), ids[:1]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseOne(t, providerDoc(tc.fields)).Evaluate(tc.tok)
			if r.Verdict == policy.Allow {
				t.Fatalf("the case does not refuse: %s", r.Summary)
			}
			var got []string
			for _, f := range r.Fixes {
				if strings.HasPrefix(f.Text, "assertion.") {
					got = append(got, f.Text)
					if !strings.Contains(f.Note, "drops the environment restriction") {
						t.Errorf("the note of %s does not say what it drops: %s", f.Text, f.Note)
					}
				}
			}
			slices.Sort(got)
			want := slices.Sorted(slices.Values(tc.want))
			if !slices.Equal(got, want) {
				t.Errorf("condition fixes %q, want %q\n%+v", got, want, r.Fixes)
			}
		})
	}
}

// ownerWide are members that let in more than one repository, and
// nameOnly a repository pinned by its name.
var (
	ownerWide = regexp.MustCompile(`attribute\.repository_owner(_id)?/|workloadIdentityPools/[^/]+/\*`)
	nameOnly  = regexp.MustCompile(`assertion\.repository(_owner)? ==`)
)

// TestFixesNeverWiderThanTheRepository: over every fixture provider, the
// crafted cases above and every static token, no fix lets in more than the
// token's repository: no owner-wide member or term, no name-only pin, and
// condition terms only together with the repository's ID.
func TestFixesNeverWiderThanTheRepository(t *testing.T) {
	pols := fixtureProviders(t)
	for _, fields := range []string{
		`"attributeCondition": "assertion.environment == 'prod' && assertion.repository_owner == 'octo-org'", "attributeMapping": {"google.subject": "assertion.sub"}`,
		`"attributeCondition": "assertion.repository_owner_id == '65'", "attributeMapping": {"google.subject": "assertion.sub"}, "oidcscopeMembers": ["` + prodMember + `"]`,
		`"attributeCondition": "assertion.repository == 'octo-org/octo-repo'", "attributeMapping": {"google.subject": "assertion.sub"}, "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository_owner_id/66"]`,
	} {
		pols = append(pols, parseOne(t, providerDoc(fields)))
	}
	toks := map[string]policy.Token{"push-main without repository_id": with(t, "push-main", map[string]any{"repository_id": nil})}
	for _, name := range insteadTokens {
		toks[name] = fixtureToken(t, name)
	}
	for _, pol := range pols {
		for name, tok := range toks {
			r := pol.Evaluate(tok)
			id, _ := tok.String("repository_id")
			terms, pinned := 0, false
			for _, f := range r.Fixes {
				if ownerWide.MatchString(f.Text) || nameOnly.MatchString(f.Text) {
					t.Errorf("%s/%s: fix wider than the repository: %s (%s)", pol.Source(), name, f.Text, f.Note)
				}
				terms += strings.Count(f.Text, "assertion.repository_owner_id ==")
			}
			// An owner's ID goes only with the repository's, which the
			// block may hold as the token's own term.
			for _, sn := range insteadBlock(r, tok) {
				pinned = pinned || sn.Text == "assertion.repository_id == '"+id+"'"
			}
			if terms > 0 && !pinned {
				t.Errorf("%s/%s: an owner's ID without the repository's: %+v", pol.Source(), name, r.Fixes)
			}
		}
	}
}

// TestMappingGuardForAnyKey: the guard for an absent claim compiles for a
// key that is not a CEL identifier too, so the entry is guarded rather
// than dropped.
func TestMappingGuardForAnyKey(t *testing.T) {
	pol := parseOne(t, providerDoc(`"attributeCondition": "assertion.repository_id == '74'", "attributeMapping": {"google.subject": "assertion.sub", "attribute.x": "assertion['weird-key']", "attribute.env": "assertion.environment"}`))
	r := pol.Evaluate(with(t, "push-main", map[string]any{"aud": refAud}))
	var got []string
	for _, f := range r.Fixes {
		got = append(got, f.Text)
	}
	want := []string{
		`"attribute.x": "'weird-key' in assertion ? (assertion['weird-key']) : ''"`,
		`"attribute.env": "has(assertion.environment) ? assertion.environment : ''"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("fixes %q, want %q", got, want)
	}
}

// TestInsteadSubjectOnce: the google.subject that fits for a long sub is
// in the block once, not as the token's snippet and again as a fix.
func TestInsteadSubjectOnce(t *testing.T) {
	long := "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/a-very-long-workflow-file-name.yml@refs/heads/main"
	tok := with(t, "push-main", map[string]any{"aud": refAud, "sub": long})
	r := parseOne(t, providerDoc(`"attributeCondition": "assertion.repository_id == '74'", "attributeMapping": {"google.subject": "assertion.sub"}`)).Evaluate(tok)
	n := 0
	for _, sn := range insteadBlock(r, tok) {
		if strings.HasPrefix(sn.Text, `"google.subject"`) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d google.subject entries in the block, want 1: %+v", n, insteadBlock(r, tok))
	}
}

// TestFixesHostileValues: with hostile values in the claims a fix or
// snippet may carry, every text of the block over every fixture provider
// pastes as what it says: no line break or control character, a mapping
// entry or audience list is JSON, a condition term compiles as CEL, and a
// member is one principal identifier.
func TestFixesHostileValues(t *testing.T) {
	pols := fixtureProviders(t)
	pols = append(pols, parseOne(t, providerDoc(`"attributeCondition": "assertion.environment == 'prod'", "attributeMapping": {"google.subject": "assertion.sub"}, "oidcscopeMembers": ["principalSet://iam.googleapis.com/`+poolPath+`/attribute.repository_id/99"]`)))
	hostile := "7\", \"x\": \"y\n\x1b[31m'RED\\`"
	rt, err := sharedEnv()
	if err != nil {
		t.Fatal(err)
	}
	for _, changes := range []map[string]any{
		{"repository_id": hostile},
		{"repository_owner_id": hostile},
		{"sub": "repo:octo-org/octo-repo:" + hostile},
		{"environment": hostile},
		{"aud": "https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/" + hostile + "/providers/p"},
	} {
		tok := with(t, "push-main", changes)
		for _, pol := range pols {
			r := pol.Evaluate(tok)
			for _, sn := range insteadBlock(r, tok) {
				text := sn.Text
				switch {
				case strings.ContainsAny(text, "\n\r\x1b"):
					t.Errorf("%s %v: a control character in %q", pol.Source(), changes, text)
				case strings.HasPrefix(text, `"`):
					var v map[string]any
					if err := json.Unmarshal([]byte("{"+text+"}"), &v); err != nil {
						t.Errorf("%s %v: %s is not a JSON member: %v", pol.Source(), changes, text, err)
					}
				case strings.HasPrefix(text, "assertion."):
					if c := compileCEL(rt, text, "attributeCondition", true); c.err != "" {
						t.Errorf("%s %v: %s does not compile: %s", pol.Source(), changes, text, c.err)
					}
				case strings.HasPrefix(text, "principal"):
					if strings.ContainsAny(text, "\"'\\` ") {
						t.Errorf("%s %v: member %q holds a quote, backslash or space", pol.Source(), changes, text)
					}
				}
			}
		}
	}
}
