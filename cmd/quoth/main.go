// Command quoth finds the quotations in news articles, links each to its
// speaker and source, stores them in SQLite and compares how outlets
// rendered the same words.
//
// Run "quoth help" for the commands, or see README.md.
package main

import (
	"context"
	"os"
	"os/signal"
)

// main runs quoth with the process's arguments and streams.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
