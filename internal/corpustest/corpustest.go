// Package corpustest finds the shared real-data corpora for tests: the folder
// named by SITREP_SHARED, else the nearest "shared" folder beside the module
// root or one of its ancestors (normally ../shared). Where it is
// absent (a clone elsewhere) tests skip with a clear message; where
// SITREP_REQUIRE_SHARED=1 (set by .ci/run) its absence is a failure.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// Environment variables the package reads.
const (
	RequireEnv = "SITREP_REQUIRE_SHARED" // "1": a missing corpus fails the test
	DirEnv     = "SITREP_SHARED"         // the shared folder, if not ../shared
)

// Shared returns the path of rel inside the shared folder (../shared from
// the module root), skipping or failing the test when it is missing.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv(DirEnv)
	var err error
	if dir == "" {
		dir, err = findShared()
	}
	if err == nil {
		p := filepath.Join(dir, rel)
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("shared data %s is required (%s=1) but missing: %v", rel, RequireEnv, err)
	}
	t.Skipf("shared data %s not found (%v): skipping; clone next to ../shared to run this test", rel, err)
	return ""
}

// findShared looks for a "shared" folder beside the module root, then beside
// each of its ancestors, so a checkout one level deeper still finds it.
func findShared() (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	for dir := filepath.Dir(root); ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "shared")
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return p, nil
		}
		if filepath.Dir(dir) == dir {
			return filepath.Join(filepath.Dir(root), "shared"), nil
		}
	}
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Seeds returns the file names and texts of the two founding reports
// (shared/seeds/*.txt), in name order, skipping or failing as Shared does
// and failing when there are not exactly two.
func Seeds(t testing.TB) (names, texts []string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(Shared(t, "seeds"), "*.txt"))
	if err != nil || len(paths) != 2 {
		t.Fatalf("want the two seed reports, found %v (%v)", paths, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		names, texts = append(names, filepath.Base(p)), append(texts, string(b))
	}
	return names, texts
}
