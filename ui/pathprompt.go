package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// expandHome is path with a leading ~ (alone or before a separator) as
// the home folder, as a shell would have written it; anything else, and
// ~ when there is no home, as typed.
func expandHome(path string) string {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, path[1:])
}

// completePath completes typed as Tab does in a shell: the one entry of
// its folder that starts with its last element (a folder gets its
// separator), else the part all such entries share, with their names to
// show. typed keeps its ~. Hidden entries show only when asked for with
// a dot.
func completePath(typed string) (completed string, choices []string) {
	dir, prefix := filepath.Split(typed)
	entries, err := os.ReadDir(expandHome(dirOrHere(dir)))
	if err != nil {
		return typed, nil
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) || strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix, ".") {
			continue
		}
		if e.IsDir() || isDirLink(filepath.Join(expandHome(dirOrHere(dir)), name)) {
			name += string(filepath.Separator)
		}
		names = append(names, name)
	}
	switch len(names) {
	case 0:
		return typed, nil
	case 1:
		return dir + names[0], nil
	}
	slices.Sort(names)
	return dir + commonPrefix(names), names
}

func dirOrHere(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

func isDirLink(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// commonPrefix is the longest start all of names share.
func commonPrefix(names []string) string {
	p := names[0]
	for _, n := range names[1:] {
		for !strings.HasPrefix(n, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}
