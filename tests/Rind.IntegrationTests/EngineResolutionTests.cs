using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class EngineResolutionTests
{
    private const string DefaultSocket = "/var/run/docker.sock";

    private const string PodmanSystemSocket = "/run/podman/podman.sock";

    [Fact]
    public async Task The_host_option_wins_over_DOCKER_HOST()
    {
        await using var container = await LabelledContainer.StartAsync();

        var result = await RindBinary.RunAsync(
            ["-v", "--host", TestEndpoints.DockerHost, "echo", "ok"],
            environment: new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        Assert.Equal("ok\n", result.Stdout);
        Assert.Contains($"rind: engine {TestEndpoints.DockerHost} from --host", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_context_option_uses_the_contexts_engine()
    {
        await using var container = await LabelledContainer.StartAsync();
        using var store = new DockerContextStoreFolder();
        store.AddContext("tests", TestEndpoints.DockerHost);

        var result = await RindBinary.RunAsync(
            ["-v", "--context", "tests", "echo", "ok"],
            environment: new Dictionary<string, string?> { ["DOCKER_CONFIG"] = store.Path, ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        Assert.Equal("ok\n", result.Stdout);
        Assert.Contains($"rind: engine {TestEndpoints.DockerHost} from context tests (--context)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DOCKER_CONTEXT_names_the_context()
    {
        await using var container = await LabelledContainer.StartAsync();
        using var store = new DockerContextStoreFolder(currentContext: "other");
        store.AddContext("tests", TestEndpoints.DockerHost);
        store.AddContext("other", "unix:///nonexistent/docker.sock");

        var result = await RindBinary.RunAsync(
            ["echo", "ok"],
            environment: new Dictionary<string, string?> { ["DOCKER_CONFIG"] = store.Path, ["DOCKER_HOST"] = null, ["DOCKER_CONTEXT"] = "tests" });

        Assert.Equal("ok\n", result.Stdout);
    }

    [Fact]
    public async Task The_current_context_of_the_config_file_is_used()
    {
        await using var container = await LabelledContainer.StartAsync();
        using var store = new DockerContextStoreFolder(currentContext: "tests");
        store.AddContext("tests", TestEndpoints.DockerHost);

        var result = await RindBinary.RunAsync(
            ["-v", "echo", "ok"], environment: new Dictionary<string, string?> { ["DOCKER_CONFIG"] = store.Path, ["DOCKER_HOST"] = null });

        Assert.Equal("ok\n", result.Stdout);
        Assert.Contains("from context tests (the Docker CLI's current context)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_context_is_a_one_line_error()
    {
        using var store = new DockerContextStoreFolder();

        var result = await RindBinary.RunAsync(
            ["--context", "nope", "true"], environment: new Dictionary<string, string?> { ["DOCKER_CONFIG"] = store.Path });

        Assert.Equal(125, result.ExitCode);
        Assert.Equal(
            $"rind: context \"nope\" does not exist in {Path.Combine(store.Path, "contexts")}: docker context ls lists the ones there are\n",
            result.Stderr);
    }

    [Fact]
    public async Task Host_and_context_together_are_refused()
    {
        var result = await RindBinary.RunAsync(["-H", "unix:///x.sock", "--context", "y", "true"]);

        Assert.Equal(125, result.ExitCode);
        Assert.Equal("rind: -H/--host and --context cannot be given together (see 'rind --help')\n", result.Stderr);
    }

    [Fact]
    public async Task Without_an_address_the_rootless_socket_is_found_when_the_default_one_is_missing()
    {
        await using var container = await LabelledContainer.StartAsync();
        var runtime = Directory.CreateTempSubdirectory("rind-it-xdg-");
        try
        {
            File.CreateSymbolicLink(Path.Combine(runtime.FullName, "docker.sock"), UnixSocketPath(TestEndpoints.DockerHost));
            using var store = new DockerContextStoreFolder();

            var result = await RindBinary.RunAsync(
                ["-v", "echo", "ok"],
                environment: new Dictionary<string, string?>
                {
                    ["DOCKER_HOST"] = null,
                    ["DOCKER_CONTEXT"] = null,
                    ["DOCKER_CONFIG"] = store.Path,
                    ["XDG_RUNTIME_DIR"] = runtime.FullName,
                });

            // Where the machine has an engine at the default socket, that one comes first, as in the Docker CLI.
            var expected = File.Exists(DefaultSocket)
                ? $"rind: engine unix://{DefaultSocket} from the default socket"
                : $"rind: engine unix://{runtime.FullName}/docker.sock from rootless Docker's socket";
            Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            runtime.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Verbose_says_why_each_place_without_an_engine_was_passed_over()
    {
        var runtime = Directory.CreateTempSubdirectory("rind-it-xdg-");
        try
        {
            runtime.CreateSubdirectory("docker.sock");
            using var store = new DockerContextStoreFolder();

            var result = await RindBinary.RunAsync(
                ["-v", "true"],
                environment: new Dictionary<string, string?>
                {
                    ["DOCKER_HOST"] = null,
                    ["DOCKER_CONTEXT"] = null,
                    ["DOCKER_CONFIG"] = store.Path,
                    ["HOME"] = store.Path,
                    ["XDG_RUNTIME_DIR"] = runtime.FullName,
                });

            // An engine of the machine's own at the default socket is used, as in the Docker CLI, and no
            // other place is looked at; Podman's system socket is the machine's too.
            if (File.Exists(DefaultSocket))
            {
                Assert.Contains($"rind: engine unix://{DefaultSocket} from the default socket", result.Stderr, StringComparison.Ordinal);
                return;
            }

            Assert.Contains($"rind: not using the default socket {DefaultSocket}: it does not exist\n", result.Stderr, StringComparison.Ordinal);
            Assert.Contains(
                $"rind: not using rootless Docker's socket {runtime.FullName}/docker.sock: it is a folder, not a socket\n",
                result.Stderr,
                StringComparison.Ordinal);
            Assert.Contains(
                $"rind: not using Podman's socket {runtime.FullName}/podman/podman.sock: it does not exist\n", result.Stderr, StringComparison.Ordinal);
            if (!File.Exists(PodmanSystemSocket))
            {
                Assert.Contains($"rind: not using Podman's system socket {PodmanSystemSocket}: it does not exist\n", result.Stderr, StringComparison.Ordinal);
                Assert.EndsWith("or set DOCKER_HOST or a context\n", result.Stderr, StringComparison.Ordinal);
                Assert.Equal(125, result.ExitCode);
            }
        }
        finally
        {
            runtime.Delete(recursive: true);
        }
    }

    private static string UnixSocketPath(string address) =>
        address.StartsWith("unix://", StringComparison.Ordinal)
            ? address["unix://".Length..]
            : throw new InvalidOperationException($"the tests' engine must be on a Unix socket here, not {address}");
}
