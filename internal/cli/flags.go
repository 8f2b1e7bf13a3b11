package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errHelp is returned when -help was asked for and printed.
var errHelp = errors.New("help printed")

// flagSet is a command's flags with the text -help prints.
type flagSet struct {
	*flag.FlagSet
	usage string // "sitrep ingest [flags] PATH..."
	about string // what the command does, paragraphs
	env   string // environment variables it reads, one per line
}

func newFlagSet(name, usage, about, envVars string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), usage: usage, about: about, env: envVars}
	fs.SetOutput(io.Discard)
	return fs
}

// printHelp writes the command's help: usage, what it does, flags, env.
func (fs *flagSet) printHelp(w io.Writer) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n\nFlags:\n", fs.usage, strings.TrimSpace(fs.about))
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if fs.env != "" {
		fmt.Fprintf(w, "\nEnvironment:\n%s\n", strings.TrimRight(fs.env, "\n"))
	}
}

// parse accepts flags before, between and after positional arguments
// ("sitrep ingest a.jsonl --db x.db") and returns the positional ones.
// parseNone parses flags for a command that takes no other arguments.
func (fs *flagSet) parseNone(env *Env, args []string) error {
	rest, err := fs.parse(env, args)
	if err == nil && len(rest) > 0 {
		err = usagef("unexpected argument %q", rest[0])
	}
	return err
}

func (fs *flagSet) parse(env *Env, args []string) ([]string, error) {
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.printHelp(env.Stdout)
			return nil, errHelp
		}
		if err != nil {
			return nil, usagef("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parsePaths parses like parse and requires at least one positional
// argument, saying what is missing otherwise.
func (fs *flagSet) parsePaths(env *Env, args []string, missing string) ([]string, error) {
	paths, err := fs.parse(env, args)
	if err == nil && len(paths) == 0 {
		err = usagef("%s", missing)
	}
	return paths, err
}
