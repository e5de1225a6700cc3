package tokendiff

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
)

// Why an oidcscope report given where a token is expected holds nothing
// diff can compare. Each reads after "A (FILE) is ".
var (
	// ErrReportPasted: a pasted token's report drops its signature, so
	// its claims would be compared as if nobody had signed them.
	ErrReportPasted = errors.New("an oidcscope report of a pasted token, not the token: a report does not carry the signature; use the token itself")
	// ErrReportTriggers: simulate --from printed one report per trigger,
	// and which job to compare is the user's choice.
	ErrReportTriggers = errors.New("ambiguous: pick one trigger (simulate --from FILE --event EVENT, --job JOB) and save that report, or see every trigger's verdict at once with simulate --from FILE --policy FILE")
	// ErrReportNoClaims: a simulated report without claims.
	ErrReportNoClaims = errors.New("a simulated oidcscope report with no claims (its payload is not a JSON object)")
	// ErrReportNoToken: an oidcscope document of another kind (a diff).
	ErrReportNoToken = errors.New("an oidcscope report that holds no token")
)

// reportSchema is the prefix of the schema every oidcscope JSON document
// names (inspect.Schema is its current version).
const reportSchema = "oidcscope/"

// reportDoc is the part of the oidcscope/v1 report (package report's JSON
// contract) that says whether it holds one simulated job's claims.
type reportDoc struct {
	Schema    string            `json:"schema"`
	Simulated bool              `json:"simulated"`
	Unsigned  string            `json:"unsigned"`
	Payload   json.RawMessage   `json:"payload"`
	Reports   []json.RawMessage `json:"reports"`
	Input     *json.RawMessage  `json:"input"`
}

// ReportClaims reads data as an oidcscope JSON report, as `simulate
// --json` prints, for users who compare two jobs before either has run.
// isReport is false when data is not one (a token, or anything else for
// inspect to read). A report of one simulated job gives its claims (the
// payload as it stands, members in order) and how they were made, to run
// as an unsigned token (inspect.Session.InspectClaims); any other report
// gives an error saying why it holds no token to compare.
func ReportClaims(data []byte) (claims []byte, label inspect.Unsigned, isReport bool, err error) {
	var doc reportDoc
	if json.Unmarshal(data, &doc) != nil || !strings.HasPrefix(doc.Schema, reportSchema) {
		return nil, "", false, nil
	}
	switch {
	case doc.Reports != nil:
		return nil, "", true, fmt.Errorf("a simulate report of %d triggers, %w", len(doc.Reports), ErrReportTriggers)
	case doc.Simulated:
		if !isObject(doc.Payload) {
			return nil, "", true, ErrReportNoClaims
		}
		label = inspect.Simulated
		if inspect.Unsigned(doc.Unsigned) == inspect.Edited {
			label = inspect.Edited
		}
		return doc.Payload, label, true, nil
	case doc.Input != nil:
		return nil, "", true, ErrReportPasted
	}
	return nil, "", true, ErrReportNoToken
}

// isObject: raw is a JSON object (not null, absent or another kind).
func isObject(raw json.RawMessage) bool {
	s := strings.TrimSpace(string(raw))
	return strings.HasPrefix(s, "{")
}
