namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A container the test starts (without a network) and removes again.
/// </summary>
public sealed class LabelledContainer : IAsyncDisposable
{
    /// <summary>
    /// Extra <c>docker run</c> options, separated by spaces, that the engine needs to start any
    /// container (Podman as root on a host with low hard rlimits: explicit --ulimit options).
    /// </summary>
    public const string RunOptionsVariable = "RIND_TEST_RUN_OPTIONS";

    private LabelledContainer(string id, string name)
    {
        Id = id;
        Name = name;
    }

    public string Id { get; }

    public string Name { get; }

    /// <param name="preStep">The value of app.rind; null for the bare label, as compose's <c>labels: [app.rind]</c> makes.</param>
    /// <param name="labelled">false for a container without app.rind.</param>
    public static async Task<LabelledContainer> StartAsync(
        string image = TestImages.Busybox, string? preStep = null, bool labelled = true, params string[] extraArguments)
    {
        var name = "rind-it-" + Guid.NewGuid().ToString("N")[..10];
        List<string> arguments = ["run", "-d", "--network", "none", "--name", name, "--label", DockerCli.TestLabel];
        if (labelled)
        {
            arguments.AddRange(["--label", preStep is null ? "app.rind" : $"app.rind={preStep}"]);
        }

        arguments.AddRange(RunOptions());
        arguments.AddRange(extraArguments);
        arguments.AddRange([image, "sleep", "infinity"]);
        var id = await DockerCli.RunAsync([.. arguments]);
        return new LabelledContainer(id, name);
    }

    public Task StopAsync() => DockerCli.RunAsync("kill", Id);

    public async ValueTask DisposeAsync() => await DockerCli.RemoveAsync(Id);

    private static string[] RunOptions() =>
        Environment.GetEnvironmentVariable(RunOptionsVariable)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
