// Command sitrep turns many news reports into stories and cross-source briefs.
// Run "sitrep help" for the commands.
package main

import (
	"os"

	"github.com/sitrep/sitrep/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.StdEnv()))
}
