package publisher

import (
	"fmt"

	"github.com/oidcscope/oidcscope/policy"
)

// EnvironmentCheck is the environment rule the registries share: a
// publisher without an environment accepts any job; one with an
// environment needs the token's, compared under rule. answer is the
// registry's text for a missing or different environment.
func EnvironmentCheck(doc Document, tok policy.Token, registry string, rule CaseRule, answer string) policy.Condition {
	if doc.Environment == "" {
		return AnyEnvironment()
	}
	c := Check{Expression: "environment: " + doc.Environment + " (" + rule.String() + ")", Claims: []string{"environment"}, Expected: []string{doc.Environment}, Answer: answer}
	env, ok := ReadClaim(tok, "environment", &c)
	same := ok && rule.Same(env, doc.Environment)
	if ok && !same {
		c.Notes = append(c.Notes, Differ(registry, "the environment", rule, doc.Environment, env)...)
	}
	return c.Decide(same)
}

// AnyEnvironment is the environment line of a publisher that names
// none: it accepts a job with any environment or none. Registries whose
// environment rule EnvironmentCheck does not fit start with it too.
func AnyEnvironment() policy.Condition {
	return Check{Expression: "environment: (none: any environment or none)", Claims: []string{"environment"}}.Pass()
}

// CallerNote explains a workflow mismatch where the job runs a reusable
// workflow: the registry reads the calling workflow's file (file, from
// workflow_ref) while the document names the called one, read from
// job_workflow_ref with extract. what names the registry's record
// ("configuration", "trusted publisher").
func CallerNote(tok policy.Token, registry, what, file, want string, extract func(string) (string, bool)) []string {
	caller, _ := tok.String("workflow_ref")
	jwr, ok := tok.String("job_workflow_ref")
	if !ok || jwr == caller {
		return nil
	}
	if called, ok := extract(jwr); !ok || called != want {
		return nil
	}
	return []string{fmt.Sprintf("%s is the reusable workflow this job runs: %s reads the calling workflow's file from workflow_ref (%s), so the %s must name %s", want, registry, file, what, file)}
}
