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

// withDB makes a command action that checks the output format, opens the
// database, runs f and closes the database.
func withDB(f func(c *cli.Context, db *store.DB, format string) error) cli.ActionFunc {
	return func(c *cli.Context) error {
		format := c.String("format")
		if err := checkFormat(format); err != nil {
			return err
		}
		db, err := openDB(c)
		if err != nil {
			return err
		}
		defer db.Close()
		return f(c, db, format)
	}
}
