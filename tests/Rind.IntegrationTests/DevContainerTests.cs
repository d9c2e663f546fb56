using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

/// <summary>
/// rind in the dev container of the folder it runs from, compared with <c>devcontainer exec</c> in the same
/// container: dev containers the real dev container CLI brought up, from an image and from a compose file,
/// none of them with the label app.rind.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DevContainerTests
{
    /// <summary>Variables whose values may differ between the two without either being wrong, NAME=VALUE lines left out.</summary>
    private static readonly IReadOnlyList<string> ShellOwnVariables =
    [
        "_", // the last command of the shell that set it: devcontainer exec passes on its probe's (_=/bin/cat)
        "SHLVL", // how deeply the probing shell was nested, not a setting of the container
        "PWD", // a shell's idea of its folder: the CLI drops its probe's, a shell in the workspace folder has its own
        "OLDPWD", // the same
    ];

    [DevContainerTheory]
    [InlineData(DevContainerKind.Image)]
    [InlineData(DevContainerKind.Compose)]
    public async Task Rind_runs_as_the_remote_user_as_devcontainer_exec_does(DevContainerKind kind)
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(kind);
        var expected = await workspace.ExecAsync("id", "-un");

        var result = await RindBinary.RunAsync(["id", "-un"], environment: workspace.LocalEnvironment, workingDirectory: workspace.Folder);

        Assert.Equal($"{DevContainerWorkspace.RemoteUser}\n", expected.Stdout);
        Assert.Equal(expected.Stdout, result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [DevContainerTheory]
    [InlineData(DevContainerKind.Image)]
    [InlineData(DevContainerKind.Compose)]
    public async Task Rind_runs_in_the_workspace_folder_as_devcontainer_exec_does(DevContainerKind kind)
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(kind);
        var expected = await workspace.ExecAsync("pwd");

        var result = await RindBinary.RunAsync(["pwd"], environment: workspace.LocalEnvironment, workingDirectory: workspace.Folder);

        Assert.Equal($"{workspace.WorkspaceFolder}\n", expected.Stdout);
        Assert.Equal(expected.Stdout, result.Stdout);
    }

    [DevContainerTheory]
    [InlineData(DevContainerKind.Image)]
    [InlineData(DevContainerKind.Compose)]
    public async Task Rind_gives_the_environment_devcontainer_exec_gives_with_remoteEnv_containerEnv_and_the_login_shells_profile(DevContainerKind kind)
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(kind);
        var expected = Variables((await workspace.ExecAsync("env")).Stdout);

        // busybox has no printenv; env with no arguments prints the same.
        var result = await RindBinary.RunAsync(["env"], environment: workspace.LocalEnvironment, workingDirectory: workspace.Folder);

        Assert.Superset(
            new HashSet<string>(
            [
                $"HOME=/home/{DevContainerWorkspace.RemoteUser}",
                $"{DevContainerWorkspace.ContainerVariable}={DevContainerWorkspace.ContainerValue}",
                "TOOL_HOME=/opt/tool",
                "BASHRC_SEEN=interactive",
                $"PATH={(kind == DevContainerKind.Image ? DevContainerWorkspace.ImagePath : DevContainerWorkspace.ComposePath)}",
                .. workspace.RemoteEnvironment,
            ]),
            new HashSet<string>(expected));
        Assert.Equal(string.Join('\n', expected), string.Join('\n', Variables(result.Stdout)));
        Assert.Equal(0, result.ExitCode);
    }

    [DevContainerTheory]
    [InlineData(DevContainerKind.Image)]
    [InlineData(DevContainerKind.Compose)]
    public async Task From_a_subfolder_of_the_workspace_rind_runs_in_the_matching_folder_of_the_container(DevContainerKind kind)
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(kind);
        var subfolder = Directory.CreateDirectory(Path.Combine(workspace.Folder, "src", "lib")).FullName;

        var result = await RindBinary.RunAsync(["pwd"], environment: workspace.LocalEnvironment, workingDirectory: subfolder);

        Assert.Equal($"{workspace.WorkspaceFolder}/src/lib\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [DevContainerTheory]
    [InlineData(DevContainerKind.Image)]
    [InlineData(DevContainerKind.Compose)]
    public async Task A_stopped_dev_container_is_reported_with_the_command_that_brings_it_up(DevContainerKind kind)
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(kind);
        await workspace.StopAsync();

        var result = await RindBinary.RunAsync(["true"], environment: workspace.LocalEnvironment, workingDirectory: workspace.Folder);

        Assert.Equal(125, result.ExitCode);
        RindStderr.AssertOneLine(result.Stderr);
        Assert.Contains($"devcontainer up --workspace-folder {workspace.Folder}", result.Stderr, StringComparison.Ordinal);
    }

    [DevContainerFact]
    public async Task A_dev_container_is_never_chosen_outside_its_folder()
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(DevContainerKind.Image);
        var elsewhere = Directory.CreateTempSubdirectory("rind-it-elsewhere-");
        try
        {
            var result = await RindBinary.RunAsync(["id", "-un"], environment: workspace.LocalEnvironment, workingDirectory: elsewhere.FullName);

            Assert.Equal("", result.Stdout);
            Assert.Equal(125, result.ExitCode);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [DevContainerFact]
    public async Task With_two_dev_containers_running_each_folder_gets_its_own()
    {
        await using var image = await DevContainerWorkspace.UpAsync(DevContainerKind.Image);
        await using var compose = await DevContainerWorkspace.UpAsync(DevContainerKind.Compose);

        var inImage = await RindBinary.RunAsync(["pwd"], environment: image.LocalEnvironment, workingDirectory: image.Folder);
        var inCompose = await RindBinary.RunAsync(["pwd"], environment: compose.LocalEnvironment, workingDirectory: compose.Folder);

        Assert.Equal($"{image.WorkspaceFolder}\n", inImage.Stdout);
        Assert.Equal($"{compose.WorkspaceFolder}\n", inCompose.Stdout);
    }

    [DevContainerFact]
    public async Task Rind_alone_opens_the_users_shell_in_the_workspace_with_the_profiles_environment()
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(DevContainerKind.Compose);
        await using var terminal = await TmuxTerminal.StartAsync($"sh -c 'cd {workspace.Folder}/.devcontainer && exec \"$RIND\"'");
        await terminal.WaitForScreenAsync("$");

        await terminal.TypeLineAsync("echo \"who=$(id -un) in=$PWD tool=$TOOL_HOME\"; exit 3");

        await terminal.WaitForScreenAsync($"\nwho={DevContainerWorkspace.RemoteUser} in={workspace.WorkspaceFolder}/.devcontainer tool=/opt/tool");
        Assert.Equal(3, await terminal.WaitForExitCodeAsync());
    }

    [DevContainerFact]
    public async Task A_Tab_completes_commands_on_the_PATH_the_users_profile_gives_once_a_run_has_probed_it_and_never_probes_itself()
    {
        await using var workspace = await DevContainerWorkspace.UpAsync(DevContainerKind.Compose);
        var environment = new Dictionary<string, string?>(workspace.LocalEnvironment) { ["RIND_COMPLETION_TIMEOUT"] = "30" };

        var beforeAnyRun = await RindBinary.RunAsync(["--complete", "tool-ch"], environment: environment, workingDirectory: workspace.Folder);
        await RindBinary.RunAsync(["true"], environment: workspace.LocalEnvironment, workingDirectory: workspace.Folder);
        var afterARun = await RindBinary.RunAsync(["--complete", "tool-ch"], environment: environment, workingDirectory: workspace.Folder);

        // The container's own PATH lacks the profile's /opt/tool/bin: only the probe of a run finds it.
        Assert.Equal(("", 0), (beforeAnyRun.Stdout, beforeAnyRun.ExitCode));
        Assert.Equal(("tool-check\n", 0), (afterARun.Stdout, afterARun.ExitCode));
    }

    /// <summary>The NAME=VALUE lines of env's output, sorted, without <see cref="ShellOwnVariables"/> and rind's own RIND_ ones.</summary>
    private static List<string> Variables(string output) =>
    [
        .. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !ShellOwnVariables.Contains(line.Split('=')[0]) && !line.StartsWith("RIND_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];
}
