// rind looks for the one running container with the label app.rind on the whole engine, so tests
// that start such containers must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// The tests drive the native Linux binary against a local engine.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
