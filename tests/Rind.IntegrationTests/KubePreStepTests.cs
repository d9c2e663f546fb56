using Rind.IntegrationTests.Infrastructure;
using Rind.IntegrationTests.Infrastructure.Kubernetes;

namespace Rind.IntegrationTests;

/// <summary>
/// The pod's annotations app.rind (the pre-step), app.rind.shell and app.rind.user, with the Docker
/// path's semantics: the pre-step is run by /bin/sh with <c>source</c> working in dash too, argv is never
/// split again, and a failing pre-step's exit code is rind's.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait("Category", "Kubernetes")]
public sealed class KubePreStepTests : IAsyncLifetime
{
    private readonly KubeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Theory(Timeout = 120_000)]
    [InlineData(TestImages.Dash)]
    [InlineData(TestImages.Busybox)]
    public async Task A_pre_step_annotation_written_with_source_activates_the_virtualenv(string image)
    {
        await _bed.StartClusterWithPodAsync(image, Annotations(("app.rind", "source /venv/bin/activate")));

        var result = await _bed.Home.RunAsync(["venv-check"]);

        Assert.Equal((0, "venv:/venv\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_command_after_a_pre_step_gets_its_arguments_without_being_split_again()
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash, Annotations(("app.rind", "source /venv/bin/activate")));

        var result = await _bed.Home.RunAsync(["printf", "[%s]", "a  b", "$VIRTUAL_ENV", "", "*;id"]);

        Assert.Equal((0, "[a  b][$VIRTUAL_ENV][][*;id]", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_pre_step_runs_before_the_shell_too()
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash, Annotations(("app.rind", ". /venv/bin/activate")));

        var result = await _bed.Home.RunAsync([], stdin: "echo \"$VIRTUAL_ENV\"\n"u8.ToArray());

        Assert.Equal((0, "/venv\n"), (result.ExitCode, result.Stdout));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_exit_code_of_a_failing_pre_step_is_rinds_and_the_command_does_not_run()
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash, Annotations(("app.rind", "cd /nowhere 2>/dev/null || (exit 9)")));

        var result = await _bed.Home.RunAsync(["echo", "should not run"]);

        Assert.Equal((9, ""), (result.ExitCode, result.Stdout));
        Assert.Equal("rind: the pre-step of the app.rind annotation failed with exit code 9\n", result.Stderr);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_labels_value_is_not_a_pre_step()
    {
        var cluster = await _bed.StartClusterAsync();
        await cluster.RunPodAsync("web-7d9f", labels: new Dictionary<string, string> { ["app.rind"] = "false" });
        _bed.Home.Write(cluster);

        var result = await _bed.Home.RunAsync(["echo", "ran"]);

        Assert.Equal((0, "ran\n", ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_a_command_rind_runs_the_shell_the_shell_annotation_names()
    {
        await _bed.StartClusterWithPodAsync(TestImages.Bash, Annotations(("app.rind.shell", "/bin/bash --norc")));

        var result = await _bed.Home.RunAsync([], stdin: "echo \"bash ${BASH_VERSION%%.*}\"\nexit 4\n"u8.ToArray());

        Assert.Equal(4, result.ExitCode);
        Assert.Matches("^bash [0-9]+\n$", result.Stdout);
    }

    [Fact(Timeout = 120_000)]
    public async Task Without_a_command_or_a_shell_annotation_rind_runs_the_pods_sh()
    {
        await _bed.StartClusterWithPodAsync(TestImages.Dash);

        var result = await _bed.Home.RunAsync([], stdin: "echo \"shell $0\"\nexit 4\n"u8.ToArray());

        Assert.Equal((4, "shell /bin/sh\n"), (result.ExitCode, result.Stdout));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_annotation_is_refused_in_one_line_before_anything_runs()
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync(annotations: Annotations(("app.rind.user", "app")));

        var result = await _bed.Home.RunAsync(["echo", "should not run"]);

        Assert.Equal((125, ""), (result.ExitCode, result.Stdout));
        Assert.Equal("rind: the Kubernetes exec API runs commands as the container's own user; it cannot run as app\n", result.Stderr);
        Assert.Empty(cluster.ExecRequests);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("-u", "app", "-u/--user")]
    [InlineData("--privileged", null, "--privileged")]
    [InlineData("-s", "web", "-s/--service")]
    public async Task Docker_only_options_are_refused_in_one_line_in_Kubernetes_mode(string option, string? value, string named)
    {
        var (cluster, _) = await _bed.StartClusterWithPodAsync();

        var result = await _bed.Home.RunAsync(value is null ? [option, "true"] : [option, value, "true"]);

        Assert.Equal(125, result.ExitCode);
        RindStderr.AssertOneLine(result.Stderr);
        Assert.StartsWith($"rind: {named} cannot be given", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(cluster.ExecRequests);
    }

    private static Dictionary<string, string> Annotations(params (string Key, string Value)[] annotations) =>
        annotations.ToDictionary(annotation => annotation.Key, annotation => annotation.Value);
}
