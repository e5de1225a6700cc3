// Package testseeds holds the inputs that tests and fuzz targets in several
// packages start from: the third-party hostile corpora (JSONTestSuite,
// Wycheproof; see decode/testdata/SOURCES.md), the fixture tokens, claim
// sets and sample policies as files, and test keys in the encodings key
// files use. Everything is read from the repository, located from the
// module root, so a package at any depth gets the same seeds. Only tests
// import it.
package testseeds
