// Package cli is oidcscope's command layer: one file per command (its
// options struct, its flags, its run function), flag groups shared between
// commands, and the one place where errors become exit codes. It holds
// wiring only; the work is done by inspect, report, ui, policy and actions.
package cli
