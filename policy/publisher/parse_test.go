package publisher

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseDocument(t *testing.T) {
	yamlDoc := "registry: PyPI\nowner: octo-org\nrepository: octo-repo\nworkflow: release.yml\nenvironment: release\nowner_id: 65\nevents: [push, workflow_dispatch]\npackage: null\n"
	jsonDoc := `{"registry":"pypi","owner":"octo-org","repository":"octo-repo","workflow":"release.yml","environment":"release","owner_id":"65","events":["push","workflow_dispatch"]}`
	for name, text := range map[string]string{"yaml": yamlDoc, "json": jsonDoc, "bom": "\ufeff" + jsonDoc} {
		d, err := Parse([]byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d.Registry != "pypi" || d.Owner != "octo-org" || d.Repository != "octo-repo" || d.Workflow != "release.yml" ||
			d.Environment != "release" || d.OwnerID != "65" || !slices.Equal(d.Events, []string{"push", "workflow_dispatch"}) {
			t.Errorf("%s: %+v", name, d)
		}
		if d.Has("package") {
			t.Errorf("%s: package: null counts as set", name)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"unknown key", "registry: pypi\nowner: o\nworkfow: r.yml\n", []string{"line 3, column 1", `unknown key "workfow"`, `did you mean "workflow"?`}},
		{"unknown registry", "registry: pipy\n", []string{"line 1, column 11", `registry "pipy"`, `did you mean "pypi"?`}},
		{"no registry", "owner: o\n", []string{"no registry key"}},
		{"list where a value goes", "registry: pypi\nowner: [a, b]\n", []string{"line 2, column 8", "owner: a list where a single value goes"}},
		{"not a mapping", "- registry: pypi\n", []string{"line 1, column 1", "a list, not a mapping"}},
		{"anchor", "registry: pypi\nowner: &a o\nrepository: *a\n", []string{"line 2", "anchors and aliases"}},
		{"two documents", "registry: pypi\n---\nregistry: pypi\n", []string{"more than one YAML document"}},
		{"empty", "# only a comment\n", []string{"the document is empty"}},
		{"duplicate key", "registry: pypi\nowner: a\nowner: b\n", []string{"line 3, column 1", `"owner" given twice (first at line 2)`}},
		{"JSON syntax", "{\"registry\": \"pypi\",\n \"owner\": }", []string{"JSON:", "line 2, column"}},
		{"YAML syntax", "registry: pypi\nowner: \"o\n", []string{"YAML:", "line"}},
		{"events of mappings", "registry: pub.dev\nevents: [{a: b}]\n", []string{"line 2, column 10", "events: each event"}},
	} {
		_, err := Parse([]byte(tc.doc))
		if err == nil || !errors.Is(err, ErrUnreadable) {
			t.Errorf("%s: error %v, want ErrUnreadable", tc.name, err)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not mention %q", tc.name, err, w)
			}
		}
	}
}

// TestParseKeepsHostileStringsAsData: values are stored as written, never
// interpreted, and an injected line does not become a key.
func TestParseKeepsHostileStringsAsData(t *testing.T) {
	d, err := Parse([]byte("registry: pypi\nowner: \"octo\\u202e-org\\nworkflow: evil.yml\"\nworkflow: \"{{7*7}} $(id).yml\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Owner != "octo\u202e-org\nworkflow: evil.yml" || d.Workflow != "{{7*7}} $(id).yml" {
		t.Errorf("%+v", d)
	}
}

func TestRegistryOf(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want string
		ok   bool
	}{
		{"registry: crates.io\nowner: o\n", "crates.io", true},
		{`{"registry": "RubyGems"}`, "rubygems", true},
		{"registry: maven\n", "maven", false},
		{"issuer: https://token.actions.githubusercontent.com\nsubject: x\n", "", false},
		{`{"Version": "2012-10-17", "Statement": []}`, "", false},
		{"- registry: pypi\n", "", false},
	} {
		got, ok := RegistryOf([]byte(tc.doc))
		if got != tc.want || ok != tc.ok {
			t.Errorf("RegistryOf(%q) = %q, %v; want %q, %v", tc.doc, got, ok, tc.want, tc.ok)
		}
	}
}

func TestWriteRoundTrip(t *testing.T) {
	in := Document{Registry: "rubygems", Owner: "o\u202e", Repository: "r\"x", Workflow: "w.yml", OwnerID: "65", WorkflowRepository: "a/b", Events: []string{"push"}}
	text := Write(in)
	if strings.ContainsRune(text, '\u202e') {
		t.Errorf("raw U+202E in %q", text)
	}
	out, err := Parse([]byte(text))
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	if out.Owner != in.Owner || out.Repository != in.Repository || out.WorkflowRepository != "a/b" || !slices.Equal(out.Events, in.Events) {
		t.Errorf("round trip %+v\n%s", out, text)
	}
}
