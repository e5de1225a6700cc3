package gcp

import (
	"fmt"

	"github.com/oidcscope/oidcscope/internal/shellquote"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// stateFixes: gcloud's command that brings a DELETED (within 30 days) or
// disabled provider back.
func (ev *evaluation) stateFixes() []policy.Snippet {
	var out []policy.Snippet
	if ev.p.state == "DELETED" {
		out = append(out, ev.gcloud("undelete", "", "the provider is DELETED: undelete it (possible within 30 days of the deletion; after that, create it again)"))
	}
	if ev.p.disabled {
		out = append(out, ev.gcloud("update-oidc", " --no-disabled", "the provider is disabled: enable it"))
	}
	return out
}

// gcloud is the fix running gcloud iam workload-identity-pools providers
// verb on this provider, the parts of the document's name quoted for the
// shell (the document is outside input, like the token). A provider
// without a name, or one whose name no printed command can hold, is
// named by placeholders to fill in.
func (ev *evaluation) gcloud(verb, tail, note string) policy.Snippet {
	const format = "gcloud iam workload-identity-pools providers %s %s --workload-identity-pool=%s --location=%s --project=%s"
	place := gcpinfo.Placeholder
	if !ev.p.hasRes {
		return fix("", fill(format, verb, place)+tail, note)
	}
	r := ev.p.res
	cmd, err := shellquote.Command("gcloud iam workload-identity-pools providers "+verb+" %s --workload-identity-pool=%s --location=%s --project=%s", r.ID, r.Pool, r.Location, r.Project)
	if err != nil {
		place.Location = "<LOCATION>"
		return fix("", fill(format, verb, place)+tail, note+"; fill in the provider's name: it cannot be printed in a command ("+err.Error()+")")
	}
	return fix("", cmd+tail, note)
}

// fill puts placeholders, oidcscope's own text, into format unquoted.
func fill(format, verb string, r gcpinfo.Resource) string {
	return fmt.Sprintf(format, verb, r.ID, r.Pool, r.Location, r.Project)
}
