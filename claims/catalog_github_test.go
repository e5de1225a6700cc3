package claims

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"github.com/oidcscope/oidcscope/policy/aws"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// githubCatalogClaims is every claim of §1.3 of the GitHub OIDC reference,
// plus issuer_scope (advertised in claims_supported, never explained).
var githubCatalogClaims = []string{
	"iss", "sub", "aud", "jti", "exp", "iat", "nbf",
	"actor", "actor_id", "base_ref", "head_ref", "check_run_id",
	"enterprise", "enterprise_id", "environment", "environment_node_id",
	"event_name", "job_workflow_ref", "job_workflow_sha",
	"ref", "ref_protected", "ref_type",
	"repository", "repository_id", "repository_owner", "repository_owner_id",
	"repository_visibility", "repo_property_",
	"run_id", "run_number", "run_attempt", "runner_environment",
	"sha", "workflow", "workflow_ref", "workflow_sha",
	"issuer_scope",
}

// githubRegisteredClaims are the RFC 7519 claims; every other claim in a
// GitHub Actions token is GitHub-specific and always a JSON string.
var githubRegisteredClaims = map[string]string{
	"iss": "string", "sub": "string", "aud": "string", "jti": "string",
	"exp": "number", "iat": "number", "nbf": "number",
}

// githubImmutable is exactly the set of entries marked immutable: IDs,
// SHAs and issuer-fixed values. Names, refs, counters, timestamps and the
// undocumented claims are not.
var githubImmutable = map[string]bool{
	"iss": true, "jti": true,
	"actor_id": true, "check_run_id": true, "enterprise_id": true,
	"repository_id": true, "repository_owner_id": true, "run_id": true,
	"sha": true, "job_workflow_sha": true, "workflow_sha": true,
}

var githubPolicyRelevant = []string{
	"aud", "environment", "iss", "job_workflow_ref", "ref", "repository_id", "repository_owner_id", "sub",
}

// githubStatus lists the entries that are not plainly "documented".
var githubStatus = map[string]string{
	"ref_protected":       "observed",
	"sha":                 "observed",
	"environment_node_id": "undocumented",
	"issuer_scope":        "undocumented",
}

var (
	catalogScopes = []Scope{ScopeToken, ScopeJob, ScopeRunAttempt, ScopeRun, ScopeRepository, ScopeOwner,
		ScopeEnterprise, ScopeIssuer, ScopeCommit, ScopeWorkflow, ScopeAudience, ScopeUser}
	catalogTrusts      = []Trust{TrustSafe, TrustCareful, TrustAvoid, TrustInfo}
	catalogStatuses    = []string{"documented", "observed", "undocumented"}
	catalogProviders   = validProviders
	catalogConfidences = validConfidence
	catalogSourceTag   = regexp.MustCompile(`^[A-Z][0-9]+b?$`)
	catalogSince       = regexp.MustCompile(`^20[0-9]{2}-(0[1-9]|1[0-2])$`)
)

func githubCatalogProfile(t *testing.T) (*Catalog, *Profile) {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatalf("Default(): %v", err)
	}
	p := c.Profile("github-actions")
	if p == nil {
		t.Fatal("no github-actions profile")
	}
	return c, p
}

func githubCatalogEntry(t *testing.T, p *Profile, name string) *Entry {
	t.Helper()
	for i := range p.Claims {
		if p.Claims[i].Name == name {
			return &p.Claims[i]
		}
	}
	t.Fatalf("github-actions profile has no entry %q", name)
	return nil
}

// githubCatalogPayloads returns the claim sets the catalog must cover: the
// GitHub Docs example payload and a real token's payload.
func githubCatalogPayloads(t *testing.T) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}

	var doc struct {
		Payload map[string]any `json:"payload"`
	}
	data, err := os.ReadFile("testdata/github-docs-example-claims.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Payload) == 0 {
		t.Fatalf("docs example payload: %v (%d claims)", err, len(doc.Payload))
	}
	out["docs example"] = doc.Payload

	jwt, err := os.ReadFile("../testdata/github/sigstore-beacon.jwt")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(strings.TrimSpace(string(jwt)), ".")
	if len(parts) != 3 {
		t.Fatalf("sigstore-beacon.jwt: %d segments", len(parts))
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatalf("sigstore-beacon.jwt payload: %v", err)
	}
	var real map[string]any
	if err := json.Unmarshal(raw, &real); err != nil {
		t.Fatalf("sigstore-beacon.jwt payload: %v", err)
	}
	out["real token"] = real
	return out
}

func TestCatalogGitHubCoversPayloads(t *testing.T) {
	c, p := githubCatalogProfile(t)
	for label, payload := range githubCatalogPayloads(t) {
		for name, v := range payload {
			e, ok := c.Lookup(p, name)
			if !ok {
				t.Errorf("%s: claim %q has no catalog entry", label, name)
				continue
			}
			own := slices.ContainsFunc(p.Claims, func(x Entry) bool { return x.Name == e.Name })
			if !own {
				t.Errorf("%s: claim %q found only outside the github-actions profile", label, name)
			}
			// The catalog's type must be what GitHub actually emits.
			var got string
			switch v.(type) {
			case string:
				got = "string"
			case float64:
				got = "number"
			default:
				got = "other"
			}
			if got != e.Type {
				t.Errorf("%s: claim %q is a JSON %s, catalog says %q", label, name, got, e.Type)
			}
		}
	}
}

func TestCatalogGitHubListsEveryClaim(t *testing.T) {
	_, p := githubCatalogProfile(t)
	want := map[string]bool{}
	for _, name := range githubCatalogClaims {
		want[name] = true
		githubCatalogEntry(t, p, name)
	}
	for _, e := range p.Claims {
		if !want[e.Name] {
			t.Errorf("entry %q is not in the test's claim list; add it there", e.Name)
		}
	}
	if len(p.Claims) != len(githubCatalogClaims) {
		t.Errorf("%d entries, want %d", len(p.Claims), len(githubCatalogClaims))
	}
}

func TestCatalogGitHubEntriesComplete(t *testing.T) {
	_, p := githubCatalogProfile(t)
	for _, e := range p.Claims {
		t.Run(e.Name, func(t *testing.T) {
			for field, v := range map[string]string{
				"summary": e.Summary, "explanation": e.Explanation, "type": e.Type,
				"scope": string(e.Scope), "trust": string(e.Trust), "trust_why": e.TrustWhy,
				"status": e.Status, "mutability": e.Mutability,
			} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s is empty", field)
				}
			}
			if len(e.Summary) > 120 || strings.Contains(e.Summary, "\n") {
				t.Errorf("summary is not one short line (%d bytes)", len(e.Summary))
			}
			if len(e.Explanation) > 650 {
				t.Errorf("explanation is %d bytes, want a short paragraph", len(e.Explanation))
			}
			if !slices.Contains(catalogScopes, e.Scope) {
				t.Errorf("scope %q is not a Scope constant", e.Scope)
			}
			if !slices.Contains(catalogTrusts, e.Trust) {
				t.Errorf("trust %q is not a Trust constant", e.Trust)
			}
			if !slices.Contains(catalogStatuses, e.Status) {
				t.Errorf("status %q", e.Status)
			}
			if want, ok := githubStatus[e.Name]; !ok && e.Status != "documented" || ok && e.Status != want {
				t.Errorf("status %q, want %q", e.Status, cmp.Or(want, "documented"))
			}
			if e.Status != "documented" && !strings.Contains(strings.ToLower(e.Summary+e.Explanation), e.Status) {
				t.Errorf("status %q is not said in the summary or explanation", e.Status)
			}
			wantType := "string"
			if rt, ok := githubRegisteredClaims[e.Name]; ok {
				wantType = rt
			}
			if e.Type != wantType {
				t.Errorf("type %q, want %q", e.Type, wantType)
			}
			if e.Since != "" && !catalogSince.MatchString(e.Since) {
				t.Errorf("since %q, want YYYY-MM", e.Since)
			}
			if len(e.Sources) == 0 {
				t.Error("no sources")
			}
			for _, s := range e.Sources {
				if !catalogSourceTag.MatchString(s) {
					t.Errorf("source tag %q", s)
				}
			}
			for _, u := range e.Providers {
				if !slices.Contains(catalogProviders, u.Provider) {
					t.Errorf("provider %q", u.Provider)
				}
				if !slices.Contains(catalogConfidences, u.Confidence) {
					t.Errorf("%s: confidence %q", u.Provider, u.Confidence)
				}
				if strings.TrimSpace(u.How) == "" {
					t.Errorf("%s: empty how", u.Provider)
				}
			}
			if e.Family != (e.Name == "repo_property_") {
				t.Errorf("family = %v", e.Family)
			}
			if e.New != nil && e.Name != "check_run_id" {
				t.Error("only check_run_id is marked new")
			}
		})
	}
}

func TestCatalogGitHubImmutable(t *testing.T) {
	_, p := githubCatalogProfile(t)
	for _, name := range githubCatalogClaims {
		e := githubCatalogEntry(t, p, name)
		if e.Immutable != githubImmutable[name] {
			t.Errorf("%s: immutable = %v, want %v", name, e.Immutable, githubImmutable[name])
		}
		// A mutable identity claim must name what to condition on instead.
		if !e.Immutable && e.Trust != TrustInfo && e.Status == "documented" &&
			!githubImmutableExempt[name] && e.Prefer == "" {
			t.Errorf("%s: mutable and policy-usable but no prefer", name)
		}
	}
	for name, want := range map[string]string{
		"repository": "repository_id", "repository_owner": "repository_owner_id",
		"actor": "actor_id", "enterprise": "enterprise_id", "environment": "repository_id",
	} {
		if e := githubCatalogEntry(t, p, name); !strings.Contains(e.Prefer, want) {
			t.Errorf("%s: prefer %q, want it to name %s", name, e.Prefer, want)
		}
	}
}

// githubImmutableExempt are mutable claims with no better claim to prefer:
// they are filters or the audience, not identities.
var githubImmutableExempt = map[string]bool{"aud": true, "event_name": true, "runner_environment": true}

func TestCatalogGitHubPolicyRelevant(t *testing.T) {
	_, p := githubCatalogProfile(t)
	var got []string
	for _, e := range p.Claims {
		if e.PolicyRelevant {
			got = append(got, e.Name)
		}
	}
	sort.Strings(got)
	if !slices.Equal(got, githubPolicyRelevant) {
		t.Errorf("policy_relevant = %v, want %v", got, githubPolicyRelevant)
	}
}

func TestCatalogGitHubCheckRunID(t *testing.T) {
	_, p := githubCatalogProfile(t)
	e := githubCatalogEntry(t, p, "check_run_id")
	if e.New == nil || e.New.Added != "2025-11" || e.New.Detail == "" {
		t.Errorf("check_run_id new = %+v, want added 2025-11 with a detail", e.New)
	}
	if e.Scope != ScopeJob {
		t.Errorf("check_run_id scope = %q, want job", e.Scope)
	}
	if e.Type != "string" || !e.Immutable || !strings.Contains(e.Availability, "not GHES") {
		t.Errorf("check_run_id: type %q immutable %v availability %q", e.Type, e.Immutable, e.Availability)
	}
	for _, u := range e.Providers {
		if u.Provider == "aws" {
			t.Error("check_run_id is not an AWS condition key")
		}
	}
}

func TestCatalogGitHubFamilyLookup(t *testing.T) {
	c, p := githubCatalogProfile(t)
	for _, name := range []string{"repo_property_regions", "repo_property_workspace_id"} {
		e, ok := c.Lookup(p, name)
		if !ok || e.Name != "repo_property_" || !e.Family {
			t.Errorf("Lookup(%q) = %+v, %v; want the repo_property_ family", name, e, ok)
		}
	}
}

// TestCatalogGitHubScopes pins the scope of the claims whose scope the
// catalog's users rely on.
func TestCatalogGitHubScopes(t *testing.T) {
	_, p := githubCatalogProfile(t)
	for name, want := range map[string]Scope{
		"iss": ScopeIssuer, "aud": ScopeAudience, "jti": ScopeToken,
		"check_run_id": ScopeJob, "run_attempt": ScopeRunAttempt, "run_id": ScopeRun, "run_number": ScopeRun,
		"repository": ScopeRepository, "repository_id": ScopeRepository,
		"repository_owner": ScopeOwner, "repository_owner_id": ScopeOwner,
		"enterprise": ScopeEnterprise, "enterprise_id": ScopeEnterprise,
		"sha": ScopeCommit, "actor": ScopeUser, "actor_id": ScopeUser,
		"workflow_ref": ScopeWorkflow, "job_workflow_ref": ScopeWorkflow,
	} {
		if e := githubCatalogEntry(t, p, name); e.Scope != want {
			t.Errorf("%s: scope %q, want %q", name, e.Scope, want)
		}
	}
}

// TestCatalogGitHubAWSKeys: the catalog's AWS rows agree with the one
// table of GitHub keys AWS evaluates (aws.EvaluatedGitHubClaims, from AWS's
// Service Authorization Reference): those and the classic aud and sub are
// documented condition keys; runner_environment is documented as not one.
func TestCatalogGitHubAWSKeys(t *testing.T) {
	_, p := githubCatalogProfile(t)
	want := map[string]string{"aud": "documented", "sub": "documented", "runner_environment": "documented"}
	for _, k := range aws.EvaluatedGitHubClaims() {
		want[k] = "documented"
	}
	for _, e := range p.Claims {
		var got string
		for _, u := range e.Providers {
			if u.Provider == "aws" {
				got = u.Confidence
			}
		}
		if e.Name == "iss" {
			continue // the provider URL, not a condition key
		}
		if got != want[e.Name] {
			t.Errorf("%s: aws confidence %q, want %q", e.Name, got, want[e.Name])
		}
	}
}
