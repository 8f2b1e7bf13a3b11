package cli

func runEvalEntities(env *Env, args []string) error {
	return usagef("eval entities: not yet")
}
