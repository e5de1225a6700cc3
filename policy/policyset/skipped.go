package policyset

import (
	"fmt"
	"strings"
)

// Skipped are the documents found in folders that no provider recognises
// and that are well-formed JSON or YAML: other files that live beside
// policies (package.json, workflows). A file named on its own is never
// skipped. The paths are as found, unescaped.
func (s *Set) Skipped() []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s.skipped...)
}

// SkipNote is the one line that says which files were skipped, "" when
// none were. It holds paths as found: a caller printing it to a terminal
// escapes it.
func (s *Set) SkipNote() string {
	if s == nil || len(s.skipped) == 0 {
		return ""
	}
	what := "files that are not policy documents"
	if len(s.skipped) == 1 {
		what = "file that is not a policy document"
	}
	return fmt.Sprintf("skipped %d %s: %s", len(s.skipped), what, strings.Join(s.skipped, ", "))
}

// unrecognised files a document no provider detects: a well-formed one
// found in a folder is skipped; any other fails, with where its syntax
// breaks when it does (a syntax error can hide a policy from detection).
func (s *Set) unrecognised(source string, data []byte, found bool) {
	synErr := syntaxError(source, data)
	if found && synErr == nil {
		s.skipped = append(s.skipped, source)
		return
	}
	err := fmt.Errorf("%w (expected %s)", ErrUnrecognised, expectedDocuments())
	if synErr != nil {
		err = fmt.Errorf("%w; %w", err, synErr)
	}
	s.failed = append(s.failed, failure(source, "", err))
}
