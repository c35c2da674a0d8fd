package main

import (
	"github.com/quoth-dev/quoth/store"
	"github.com/urfave/cli/v2"
)

// defaultDB is the database used without --db or QUOTH_DB.
const defaultDB = "quoth.db"

// openDB opens the database named by --db or QUOTH_DB; an empty value
// means the default.
func openDB(c *cli.Context) (*store.DB, error) {
	path := c.String("db")
	if path == "" {
		path = defaultDB
	}
	return store.Open(path)
}
