package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"golang.org/x/term"
)

// Env is what a command may touch of the outside world, so tests can run
// commands in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// StderrTerminal is true when standard error is a terminal: progress
	// bars and colour are shown only then.
	StderrTerminal bool
	StdoutTerminal bool
}

// StdEnv is the process's own environment.
func StdEnv() *Env {
	return &Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
		StderrTerminal: term.IsTerminal(int(os.Stderr.Fd())),
		StdoutTerminal: term.IsTerminal(int(os.Stdout.Fd())),
	}
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "read articles from files, directories, URLs, feeds, WARC or stdin into the store", runIngest},
		{"extract", "the clean article of one page or text, as JSON", runExtract},
		{"annotate", "sentences, entities, quotes, credits and dates of one report, as JSON", runAnnotate},
		{"brief", "the cross-source brief of a story: who first, what is corroborated, what conflicts", runBrief},
		{"articles", "list stored articles", runArticles},
		{"show", "print one stored article", runShow},
		{"search", "full-text search over stored articles", runSearch},
		{"cluster", "copy status and story of every input article, in memory, as JSONL", runCluster},
		{"copies", "detect copies among stored articles and list copy groups", runCopies},
		{"stories", "list the stories of the stored articles", runStories},
		{"story", "show one story and its reports", runStory},
		{"serve", "serve the web UI, the JSON API and an Atom feed of stories; poll feeds", runServe},
		{"feeds", "the feeds serve polls: feeds add URL, feeds import FILE.opml, feeds list", runFeeds},
		{"eval", "score against a labelled corpus (eval cluster FILE, eval extract DIR, eval timex DIR)", runEval},
		{"bench", "measure throughput on a corpus (bench ingest PATH...)", runBench},
	}
}

// Exit codes, as DESIGN.md fixes them.
const (
	exitOK      = 0
	exitPartial = 1
	exitUsage   = 2
)

// errPartial marks a run that processed its input but some of it failed; the
// failures have already been reported.
var errPartial = errors.New("some inputs failed")

// usageError is a mistake in how a command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Main runs sitrep with args (without the program name) and returns the
// process exit code.
func Main(args []string, env *Env) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		if len(args) > 1 {
			return Main([]string{args[1], "-help"}, env)
		}
		printUsage(env.Stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, env, args[1:])
		return exitCode(env, c.name, err)
	}
	fmt.Fprintf(env.Stderr, "sitrep: unknown command %q\n\n", args[0])
	printUsage(env.Stderr)
	return exitUsage
}

func exitCode(env *Env, name string, err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "sitrep %s: %v\nRun 'sitrep %s -help' for usage.\n", name, err, name)
		return exitUsage
	case errors.Is(err, errPartial):
		return exitPartial
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(env.Stderr, "sitrep %s: interrupted\n", name)
		return exitPartial
	}
	fmt.Fprintf(env.Stderr, "sitrep %s: %v\n", name, err)
	return exitPartial
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, `sitrep turns many news reports into stories and cross-source briefs.

Usage: sitrep COMMAND [flags] [args]

Commands:`)
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, `
Run 'sitrep COMMAND -help' for a command's flags.

Environment:
  SITREP_DB     database file (default ./sitrep.db)
  SITREP_ADDR   serve: listen address (default 127.0.0.1:8080)
  SITREP_TOKEN  serve: API token required for writes

Exit codes: 0 success, 1 some inputs failed (each reported on stderr), 2 usage error.`)
}

// dbPath is the --db flag's default: SITREP_DB, else ./sitrep.db.
func dbPath(env *Env) string {
	if p := strings.TrimSpace(env.Getenv("SITREP_DB")); p != "" {
		return p
	}
	return "sitrep.db"
}
