package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep/sitrep/internal/model"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

const crashChildEnv = "SITREP_TEST_CRASH_CHILD"

// TestMain lets the kill -9 test run this binary as the ingesting child.
func TestMain(m *testing.M) {
	if spec := os.Getenv(crashChildEnv); spec != "" {
		os.Exit(crashChild(spec))
	}
	os.Exit(m.Run())
}

// slowStage makes ingest slow enough to be killed half-way.
type slowStage struct{ d time.Duration }

func (slowStage) Name() string { return "slow" }
func (s slowStage) Process(ctx context.Context, a *model.Article) error {
	time.Sleep(s.d)
	return nil
}

func crashChild(spec string) int {
	db, input, _ := strings.Cut(spec, "|")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	_, err = Ingest(context.Background(), st, []string{input}, Config{
		Workers: 1, BatchSize: 100, Stages: []Stage{slowStage{2 * time.Millisecond}},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	return 0
}

func writeCorpus(t *testing.T, n int, bad map[int]string) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		if line, ok := bad[i]; ok {
			b.WriteString(line + "\n")
			continue
		}
		fmt.Fprintf(&b, `{"id":"a%05d","title":"Article %d","published":"2024-01-%02dT10:00:00Z","text":"Body of article %d about topic %d."}`+"\n",
			i, i, 1+i%28, i, i%17)
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func openStore(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestKill9MidIngest kills an ingesting process with SIGKILL and checks that
// the database is consistent, holds only whole batches, and that the next run
// completes the rest.
func TestKill9MidIngest(t *testing.T) {
	const total = 3000
	input := writeCorpus(t, total, nil)
	db := filepath.Join(t.TempDir(), "crash.db")
	st := openStore(t, db) // creates the schema before the child starts

	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), crashChildEnv+"="+db+"|"+input)
	child.Stderr = os.Stderr
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		n, err := st.Count(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n >= 300 {
			break
		}
		if time.Now().After(deadline) {
			child.Process.Kill()
			t.Fatalf("child wrote only %d articles in 30s", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	child.Wait()

	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Fatalf("after kill -9: %v", err)
	}
	done, _ := st.Count(context.Background())
	if done >= total {
		t.Fatalf("the child finished (%d articles) before it was killed: the test proved nothing", done)
	}
	if done%100 != 0 {
		t.Fatalf("%d articles stored: a batch of 100 was half-written", done)
	}
	rep, err := Ingest(context.Background(), st, []string{input}, Config{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != total-done || rep.Unchanged != done || rep.Failed != 0 {
		t.Fatalf("resume after %d: %+v, want %d new and %d unchanged", done, rep, total-done, done)
	}
	if n, _ := st.Count(context.Background()); n != total {
		t.Fatalf("after resume: %d articles, want %d", n, total)
	}
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Fatalf("after resume: %v", err)
	}
}

// failOn rejects articles whose text contains a word.
type failOn string

func (f failOn) Name() string { return "check" }
func (f failOn) Process(_ context.Context, a *model.Article) error {
	if strings.Contains(a.Text, string(f)) {
		return errors.New("rejected")
	}
	return nil
}

// TestWorkersDoNotChangeResults runs the same input with 1 to 8 workers and
// expects the same counts, the same errors in the same order, and the same
// stored articles.
func TestWorkersDoNotChangeResults(t *testing.T) {
	input := writeCorpus(t, 1000, map[int]string{3: "not json", 500: `{"id":"x"}`, 998: "[1"})
	var first string
	for _, workers := range []int{1, 2, 3, 8} {
		st := openStore(t, filepath.Join(t.TempDir(), "w.db"))
		var errs []string
		rep, err := Ingest(context.Background(), st, []string{input}, Config{
			Workers: workers, BatchSize: 64, Stages: []Stage{failOn("topic 16.")},
			OnError: func(err error) { errs = append(errs, err.Error()) },
		})
		if err != nil {
			t.Fatal(err)
		}
		list, _ := st.Articles(context.Background(), store.ArticleQuery{Limit: 1 << 30})
		got := fmt.Sprintf("%d/%d/%d %v %d", rep.New, rep.Unchanged, rep.Failed, errs, len(list))
		if first == "" {
			first = got
			if rep.Failed != 3+58 || !strings.Contains(errs[0], "corpus.jsonl:4: not JSON") {
				t.Fatalf("unexpected run: %s", got)
			}
			if !strings.Contains(strings.Join(errs, "\n"), "check: rejected") {
				t.Fatalf("stage errors not reported: %v", errs)
			}
		} else if got != first {
			t.Fatalf("workers=%d: %s\nworkers=1: %s", workers, got, first)
		}
	}
}

func TestReingestIsIdempotent(t *testing.T) {
	input := writeCorpus(t, 500, nil)
	st := openStore(t, filepath.Join(t.TempDir(), "i.db"))
	for i, want := range []Report{{New: 500}, {Unchanged: 500}} {
		rep, err := Ingest(context.Background(), st, []string{input}, Config{})
		if err != nil {
			t.Fatal(err)
		}
		rep.Elapsed = 0
		if rep != want {
			t.Fatalf("run %d: %+v, want %+v", i+1, rep, want)
		}
	}
}

func TestCancelStops(t *testing.T) {
	input := writeCorpus(t, 2000, nil)
	st := openStore(t, filepath.Join(t.TempDir(), "c.db"))
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	_, err := Ingest(ctx, st, []string{input}, Config{
		Workers: 2, BatchSize: 50, Stages: []Stage{slowStage{time.Millisecond}},
		OnProgress: func(r Report) {
			if seen++; seen == 3 {
				cancel()
			}
		},
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Ingest after cancel returned %v, want context.Canceled", err)
	}
	n, _ := st.Count(context.Background())
	if n >= 2000 {
		t.Fatalf("cancel did not stop the run: %d articles", n)
	}
	if err := st.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
}
