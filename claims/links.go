package claims

import (
	"net/url"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Link is a page or API URL derived from the claims.
type Link struct {
	Name string `json:"name"` // repository, run-attempt, job, check-run-api, commit, workflow, job-workflow
	URL  string `json:"url"`
	Note string `json:"note,omitempty"`
	// Claims are the claims the URL is built from, so a claim's detail can
	// list the pages it leads to.
	Claims []string `json:"-"`
}

// Claim values only become links when they have the shape GitHub gives
// them (shapes.go), so a hostile token cannot smuggle a URL of its own
// making.
var gheIssuer = lazyre.New(`^https://token\.actions\.([a-z0-9][a-z0-9-]*)\.ghe\.com(?:/|$)`)

// githubHosts returns the web and API base URLs for an issuer: github.com,
// GHE.com (<name>.ghe.com) or GHES (the issuer's own host).
func githubHosts(iss string) (web, api string, ok bool) {
	switch {
	case gitHubLookalike(iss):
		return "", "", false
	case iss == "https://token.actions.githubusercontent.com" || strings.HasPrefix(iss, "https://token.actions.githubusercontent.com/"):
		return "https://github.com", "https://api.github.com", true
	case gheIssuer().MatchString(iss):
		name := gheIssuer().FindStringSubmatch(iss)[1]
		return "https://" + name + ".ghe.com", "https://api." + name + ".ghe.com", true
	case strings.HasSuffix(strings.TrimSuffix(iss, "/"), "/_services/token"):
		u, err := url.Parse(iss)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return "", "", false
		}
		return "https://" + u.Host, "https://" + u.Host + "/api/v3", true
	}
	return "", "", false
}

func githubLinks(iss string, tok tokenView) []Link {
	web, api, ok := githubHosts(iss)
	if !ok {
		return nil
	}
	var links []Link
	repo, ok := tok.str("repository")
	if !ok || !isRepo(repo) {
		return nil
	}
	repoURL := web + "/" + repo
	links = append(links, Link{Name: "repository", URL: repoURL, Claims: []string{"repository"}})
	runID, hasRun := tok.str("run_id")
	hasRun = hasRun && isDigits(runID)
	if attempt, ok := tok.str("run_attempt"); hasRun && ok && isDigits(attempt) {
		links = append(links, Link{Name: "run-attempt", URL: repoURL + "/actions/runs/" + runID + "/attempts/" + attempt,
			Claims: []string{"repository", "run_id", "run_attempt"}})
	}
	if check, ok := tok.str("check_run_id"); ok && isDigits(check) {
		if hasRun {
			links = append(links, Link{Name: "job", URL: repoURL + "/actions/runs/" + runID + "/job/" + check,
				Note: "check_run_id as the job ID in this URL is observed, not documented", Claims: []string{"repository", "run_id", "check_run_id"}})
		}
		links = append(links, Link{Name: "check-run-api", URL: api + "/repos/" + repo + "/check-runs/" + check,
			Claims: []string{"repository", "check_run_id"}})
	}
	if sha, ok := tok.str("sha"); ok && isSHA(sha) {
		links = append(links, Link{Name: "commit", URL: repoURL + "/commit/" + sha, Claims: []string{"repository", "sha"}})
	}
	for _, wf := range []struct{ name, ref, sha string }{
		{"workflow", "workflow_ref", "workflow_sha"},
		{"job-workflow", "job_workflow_ref", "job_workflow_sha"},
	} {
		ref, ok1 := tok.str(wf.ref)
		sha, ok2 := tok.str(wf.sha)
		wfRepo, wfPath, isRef := splitWorkflowRef(ref)
		if ok1 && ok2 && isRef && isSHA(sha) {
			links = append(links, Link{Name: wf.name, URL: web + "/" + wfRepo + "/blob/" + sha + "/" + wfPath,
				Note: "the " + wf.ref + " file at " + wf.sha, Claims: []string{wf.ref, wf.sha}})
		}
	}
	return links
}
