// Package actions talks to the GitHub Actions runner a job runs on: it asks
// the runner's OIDC endpoint for the job's ID token, and writes step
// outputs (GITHUB_OUTPUT) and the step summary (GITHUB_STEP_SUMMARY). It
// renders nothing: what goes into the summary is made by package report.
//
// The ID token it fetches is a credential: it is returned to the caller and
// never logged, written or put into an error message.
package actions

import (
	"errors"
	"fmt"
	"strings"
)

// The runner's environment variables this package reads.
const (
	EnvActions      = "GITHUB_ACTIONS"                 // "true" in every job
	EnvRequestURL   = "ACTIONS_ID_TOKEN_REQUEST_URL"   // set with permissions: id-token: write
	EnvRequestToken = "ACTIONS_ID_TOKEN_REQUEST_TOKEN" // bearer credential for that URL
	EnvOutput       = "GITHUB_OUTPUT"                  // file of step outputs
	EnvStepSummary  = "GITHUB_STEP_SUMMARY"            // file of the step's Markdown summary
	EnvServerURL    = "GITHUB_SERVER_URL"              // https://github.com, or a GHES host
)

// PermissionsBlock is what a workflow adds to let its jobs request an ID
// token. contents: read is listed because a permissions block sets every
// permission it does not name to none, and actions/checkout needs it.
const PermissionsBlock = "permissions:\n  id-token: write\n  contents: read\n"

// Why the runner's token endpoint cannot be used; match with errors.Is.
var (
	// ErrNotInActions: no GitHub Actions job around this process.
	ErrNotInActions = errors.New("not running inside a GitHub Actions job")
	// ErrNoIDTokenPermission: a job, but it may not request an ID token.
	ErrNoIDTokenPermission = errors.New("the job may not request an OIDC token (it lacks permissions: id-token: write)")
)

// Runner is the token endpoint of the job's runner and the credential the
// runner gave the job for it.
type Runner struct {
	RequestURL   string
	RequestToken string
}

// MissingError names the runner variables that are not set.
type MissingError struct {
	Missing []string // in the order EnvRequestURL, EnvRequestToken
	InJob   bool     // GITHUB_ACTIONS is "true"
}

func (e *MissingError) Error() string {
	vars := strings.Join(e.Missing, " and ")
	verb := "is"
	if len(e.Missing) > 1 {
		verb = "are"
	}
	if e.InJob {
		return fmt.Sprintf("%s: %s %s not set", ErrNoIDTokenPermission, vars, verb)
	}
	return fmt.Sprintf("%s: %s %s not set", ErrNotInActions, vars, verb)
}

// Is lets errors.Is tell the two cases apart.
func (e *MissingError) Is(target error) bool {
	return target == ErrNoIDTokenPermission && e.InJob || target == ErrNotInActions && !e.InJob
}

// RunnerFromEnv reads the token endpoint from the job's environment. The
// error is a *MissingError naming the variables that are not set.
func RunnerFromEnv(getenv func(string) string) (Runner, error) {
	r := Runner{RequestURL: getenv(EnvRequestURL), RequestToken: getenv(EnvRequestToken)}
	var missing []string
	if r.RequestURL == "" {
		missing = append(missing, EnvRequestURL)
	}
	if r.RequestToken == "" {
		missing = append(missing, EnvRequestToken)
	}
	if len(missing) > 0 {
		return Runner{}, &MissingError{Missing: missing, InJob: getenv(EnvActions) == "true"}
	}
	return r, nil
}
