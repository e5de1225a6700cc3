// Package octosts evaluates Chainguard octo-sts trust policies
// (.github/chainguard/<identity>.sts.yaml) against a token, as
// octo-sts/app's exchange (pkg/octosts/octosts.go and trust_policy.go
// @cb87fc17, with pattern.go of PR #1643) does: first the token checks it
// makes whatever the policy (iss and sub read as strings, the issuer's
// shape, aud as go-oidc reads it, then pkg/oidcvalidate's rules for iss,
// sub and every aud), then exact issuer/subject/audience strings or RE2
// patterns compiled alone and then as "^(?:" + pattern + ")$" (octo-sts
// since the GHSA-mwqh-2vg8-rhj3 fix, which the public octo-sts.dev runs;
// AnchorCaretDollar keeps @cb87fc17's "^" + pattern + "$", where a
// top-level "|" leaves the alternatives half-anchored), any token aud
// matching, the STS domain as the audience when the policy sets none, and
// claim_pattern over string and boolean claims only. A repeated claim is
// read as encoding/json reads it, the last copy. Files are read as
// strictly as octo-sts reads them, permissions included (go-github v88's
// InstallationPermissions). A policy that denies a token it read gets,
// per failing pattern, the line to paste over the pattern's
// (Result.Fixes, fixes.go).
package octosts
