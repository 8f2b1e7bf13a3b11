package server

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/corpustest"
	"github.com/sitrep/sitrep/internal/pipeline"
)

// Environment variables of the browser test.
const (
	chromiumEnv      = "SITREP_CHROMIUM"        // the browser binary, if not on PATH
	requireBrowser   = "SITREP_REQUIRE_BROWSER" // "1": a missing browser fails the test (.ci/run)
	screenshotDirEnv = "SITREP_SCREENSHOTS"     // where screenshots are kept (else a temporary folder)
)

func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv(chromiumEnv); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(requireBrowser) == "1" {
		t.Fatalf("no Chromium found (%s=1): install Debian's chromium or set %s", requireBrowser, chromiumEnv)
	}
	t.Skipf("no Chromium found: skipping the browser test (install chromium or set %s)", chromiumEnv)
	return ""
}

// headless runs Chromium on a URL with extra flags and returns its output.
func headless(t *testing.T, bin string, url string, flags ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
	}, flags...)
	args = append(args, url)
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, url, err, errOut.Bytes())
	}
	return out.Bytes()
}

// TestBrowser opens the story list and the story page of the seeds in
// headless Chromium and checks what a reader sees there: the story, the
// first reporter, a quote both outlets carry and the conflicting durations;
// it keeps screenshots at desktop and phone widths.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	seeds := corpustest.Shared(t, "seeds")
	reports, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(reports) != 2 {
		t.Fatalf("seeds: %v, %v", reports, err)
	}
	st := newStore(t, pipeline.Config{Stages: []pipeline.Stage{pipeline.DefaultPublished(time.Date(2020, 12, 2, 0, 0, 0, 0, time.UTC))}}, reports...)
	s := New(st, Options{Loopback: true})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	story := firstStory(t, ts.URL)

	shots := os.Getenv(screenshotDirEnv)
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name, path string
		want       []string
	}{
		{"stories", "/", []string{"Latest stories", "The U.S. government has decided to withdraw some staff", "2 reports", "2 outlets: The Washington Post, CNN"}},
		{"story", "/stories/" + story, []string{
			"First reporter", "The Washington Post — credited by CNN",
			"The Washington Post was first to report that some staff were being pulled from the embassy in Baghdad.",
			"Where accounts differ", "The Washington Post: until after the Jan. 3 anniversary", "CNN: until mid-January",
			"Quotes", "highest priority", "a department official", "anonymous official",
			"Timeline", "upcoming",
		}},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			dom := headless(t, bin, ts.URL+p.path, "--virtual-time-budget=3000", "--dump-dom")
			text := visibleText(dom)
			for _, w := range p.want {
				if !strings.Contains(text, w) {
					t.Errorf("the %s page does not show %q:\n%.4000s", p.name, w, text)
				}
			}
			if p.name == "story" && !bytes.Contains(dom, []byte(`<button type="submit" disabled="">`)) {
				t.Errorf("app.js did not run: the compare button is not waiting for two reports")
			}
			for _, size := range []struct{ name, window string }{{"desktop", "1280,2400"}, {"phone", "390,2400"}} {
				png := filepath.Join(shots, p.name+"-"+size.name+".png")
				headless(t, bin, ts.URL+p.path, "--window-size="+size.window, "--screenshot="+png)
				b, err := os.ReadFile(png)
				if err != nil || len(b) < 10_000 || !bytes.HasPrefix(b, []byte("\x89PNG")) {
					t.Errorf("screenshot %s: %d bytes, %v", png, len(b), err)
				}
				t.Logf("screenshot: %s", png)
			}
		})
	}
}
