// rind looks for the one running container with the label app.rind on the whole engine, so tests
// that start such containers must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
