// Package publisher reads the trusted-publishing documents of package
// registries (PyPI, crates.io, RubyGems, …) and holds what their providers
// share: the document parser (one `registry:`-keyed JSON or YAML file per
// publisher), the GitHub claim helpers (workflow file names, repository
// split, environment comparison), the conditions and the policy that
// evaluates them. Each registry is a Registry value in its own package
// (publisher/pypi, publisher/cratesio, publisher/rubygems): its keys, its
// audience, and the checks it makes in the order it makes them, each
// failing check quoting the registry's own error text.
package publisher
