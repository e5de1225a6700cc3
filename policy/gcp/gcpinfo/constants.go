package gcpinfo

// Google Cloud's limit on google.subject [G1], in bytes, and the host of
// its IAM principal identifiers.
const (
	MaxSubjectBytes = 127
	IAMHost         = "iam.googleapis.com"
)

// Placeholders a suggestion or snippet leaves for the user.
const (
	PlaceholderProject  = "<PROJECT_NUMBER>"
	PlaceholderPool     = "<POOL_ID>"
	PlaceholderProvider = "<PROVIDER_ID>"
)

// Placeholder is the provider a snippet names when the token's audience
// names none.
var Placeholder = Resource{Project: PlaceholderProject, Location: "global", Pool: PlaceholderPool, ID: PlaceholderProvider}
