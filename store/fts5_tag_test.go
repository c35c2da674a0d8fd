//go:build sqlite_fts5

package store

// builtWithFTS tells whether this test binary was built with SQLite's FTS5.
const builtWithFTS = true
