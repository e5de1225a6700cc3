package simulate

import "testing"

// JobRef, event by event: the ref a job gets, or none it can run on.
func TestJobRef(t *testing.T) {
	queue := "refs/heads/gh-readonly-queue/main/pr-1-" + queueSHA
	tests := []struct {
		event, ref, want string
		ok               bool
	}{
		{"push", "refs/heads/feature", "refs/heads/feature", true},
		{"push", "refs/tags/v1.0.0", "refs/tags/v1.0.0", true},
		{"workflow_dispatch", "refs/tags/v1.0.0", "refs/tags/v1.0.0", true},
		{"pull_request", "refs/heads/feature", "refs/heads/feature", true},
		{"pull_request_target", "refs/heads/main", "refs/heads/main", true},
		{"pull_request", "refs/tags/v1.0.0", "", false},
		{"pull_request_target", "refs/tags/v1.0.0", "", false},
		{"release", "refs/tags/v1.0.0", "refs/tags/v1.0.0", true},
		{"release", "refs/heads/main", "", false},
		{"merge_group", "refs/heads/main", queue, true},
		{"merge_group", "refs/heads/release", "refs/heads/gh-readonly-queue/release/pr-1-" + queueSHA, true},
		{"merge_group", queue, queue, true},
		{"merge_group", "refs/tags/v1.0.0", "", false},
		{"schedule", "refs/heads/main", "refs/heads/main", true},
		{"schedule", "refs/heads/feature", "", false},
		{"schedule", "refs/tags/v1.0.0", "", false},
		{"workflow_run", "refs/heads/feature", "", false},
		{"deployment", "refs/heads/feature", "refs/heads/feature", true},
	}
	for _, tt := range tests {
		got, ok := JobRef(tt.event, tt.ref, "refs/heads/main")
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("JobRef(%s, %s) = %q, %v; want %q, %v", tt.event, tt.ref, got, ok, tt.want, tt.ok)
		}
	}
}
