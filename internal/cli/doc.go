// Package cli wires sitrep's commands: one file per command (cmd_<verb>.go),
// each parsing its flags, opening what it needs and calling the domain
// packages. Nothing here holds domain logic.
package cli
