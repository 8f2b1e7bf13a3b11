// Package corpustest finds the shared real-data corpora for tests. Where
// ../shared is absent (a clone elsewhere) tests skip with a clear message;
// where SITREP_REQUIRE_SHARED=1 (set by .ci/run) its absence is a failure.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// RequireEnv names the variable that turns a missing corpus into a failure.
const RequireEnv = "SITREP_REQUIRE_SHARED"

// Shared returns the path of rel inside the shared folder (../shared from
// the module root), skipping or failing the test when it is missing.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	root, err := moduleRoot()
	if err == nil {
		p := filepath.Join(filepath.Dir(root), "shared", rel)
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
