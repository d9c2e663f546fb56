using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rind.IntegrationTests.Infrastructure;

/// <summary>
/// A workspace folder of the test's own with a .devcontainer/devcontainer.json, whose dev container the real
/// dev container CLI brings up (<c>devcontainer up</c>) on the tests' engine, as an editor would; removed
/// again with its folder. The CLI labels the container devcontainer.local_folder (this folder),
/// devcontainer.config_file and devcontainer.metadata (remoteUser, remoteEnv, containerEnv as written, not
/// substituted; not workspaceFolder, which only the bind mount of this folder tells); the container also
/// carries the tests' label and runs without a network. It never carries app.rind.
/// </summary>
/// <remarks>
/// The image is <see cref="TestImages.DevContainer"/>: the user <see cref="RemoteUser"/> has bash as login
/// shell, whose profile puts /opt/tool/bin on PATH and sets TOOL_HOME, as a dev container feature's script
/// does, and whose ~/.bashrc sets BASHRC_SEEN=interactive in interactive shells only. updateRemoteUserUID
/// is off: it would build an image of its own on the engine for each workspace.
/// </remarks>
public sealed class DevContainerWorkspace : IAsyncDisposable
{
    public const string RemoteUser = "vscode";

    /// <summary>containerEnv of the image-based one, environment: of the compose service.</summary>
    public const string ContainerVariable = "GREETING";

    public const string ContainerValue = "hello from the container";

    /// <summary>The host's variable that remoteEnv takes with <c>${localEnv:...}</c>, when exec runs (not at up).</summary>
    public const string LocalVariable = "DEVCONTAINER_TEST_LOCAL";

    /// <summary>The image-based container's PATH after remoteEnv: the container's own (not the profile's) and one more folder.</summary>
    public const string ImagePath = "/usr/local/bin:/usr/bin:/bin:/opt/remote/bin";

    /// <summary>The compose-based container's PATH, which remoteEnv leaves alone: the profile's.</summary>
    public const string ComposePath = "/opt/tool/bin:/usr/local/bin:/usr/bin:/bin";

    private const string ComposeService = "dev";

    // Up takes about 1 s from an image and 3-4 s with compose 1.x here; exec about 0.5 s.
    private static readonly TimeSpan UpTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder;

    // The CLI's own scratch (TMPDIR), such as the compose file it adds to the project's: gone with the workspace.
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("rind-it-devcontainer-cli-");
    private string? _composeProject;

    private DevContainerWorkspace(DevContainerKind kind, DirectoryInfo folder)
    {
        Kind = kind;
        _folder = folder;
        LocalValue = "local value " + folder.Name;
    }

    public DevContainerKind Kind { get; }

    /// <summary>The workspace folder on this machine, as devcontainer.local_folder names it.</summary>
    public string Folder => _folder.FullName;

    /// <summary>Where the folder is in the container, workspaceFolder: not the CLI's default /workspaces/NAME.</summary>
    public string WorkspaceFolder => Kind == DevContainerKind.Image ? "/srv/code" : "/workspaces/project-x";

    public string ContainerId { get; private set; } = "";

    /// <summary>The value of <see cref="LocalVariable"/>, different for each workspace.</summary>
    public string LocalValue { get; }

    /// <summary>What the host's environment holds for exec: <see cref="LocalVariable"/>; give it to rind too.</summary>
    public IReadOnlyDictionary<string, string?> LocalEnvironment => new Dictionary<string, string?> { [LocalVariable] = LocalValue };

    private Dictionary<string, string?> CliEnvironment => new(LocalEnvironment) { ["TMPDIR"] = _scratch.FullName };

    /// <summary>The remoteEnv variables as exec gives them, NAME=VALUE.</summary>
    public IReadOnlyList<string> RemoteEnvironment =>
    [
        $"FROM_CONTAINER_ENV={ContainerValue}, seen remotely",
        $"FROM_LOCAL_ENV={LocalValue}",
        .. Kind == DevContainerKind.Image ? [$"PATH={ImagePath}"] : Array.Empty<string>(),
    ];

    /// <summary>Writes the workspace's files and runs <c>devcontainer up</c>.</summary>
    public static async Task<DevContainerWorkspace> UpAsync(DevContainerKind kind)
    {
        var workspace = new DevContainerWorkspace(kind, Directory.CreateTempSubdirectory("rind-it-devcontainer-"));
        try
        {
            var settings = Directory.CreateDirectory(Path.Combine(workspace.Folder, ".devcontainer")).FullName;
            await File.WriteAllTextAsync(Path.Combine(settings, "devcontainer.json"), workspace.Settings());
            if (kind == DevContainerKind.Compose)
            {
                await File.WriteAllTextAsync(Path.Combine(settings, "docker-compose.yml"), workspace.ComposeFile());
            }

            await workspace.UpAsync();
            return workspace;
        }
        catch
        {
            await workspace.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <c>devcontainer exec</c> with <paramref name="command"/>, with <see cref="LocalEnvironment"/>.</summary>
    public Task<ProcessResult> ExecAsync(params string[] command) =>
        DevContainerCli.RunAsync("exec", Folder, command, ExecTimeout, CliEnvironment);

    /// <summary>Stops the container at once (SIGKILL); it stays, stopped, until disposed.</summary>
    public Task StopAsync() => TestEngine.KillContainerAsync(ContainerId);

    /// <summary>Removes the containers of this folder (and of its compose project), then the folder and the CLI's scratch.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var containers = await TestEngine.ListContainersAsync($"devcontainer.local_folder={Folder}", all: true);
            if (_composeProject is not null)
            {
                containers = [.. containers, .. await TestEngine.ListContainersAsync($"com.docker.compose.project={_composeProject}", all: true)];
            }

            foreach (var id in containers.Select(container => container.ID).Distinct())
            {
                await TestEngine.RemoveContainerAsync(id);
            }
        }
        finally
        {
            _folder.Delete(recursive: true);
            _scratch.Delete(recursive: true);
        }
    }

    private async Task UpAsync()
    {
        var result = await DevContainerCli.RunAsync("up", Folder, [], UpTimeout, CliEnvironment);

        // Its last line on stdout is a JSON object: outcome, containerId, and composeProjectName for compose.
        var last = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        JsonNode? outcome = null;
        try
        {
            outcome = JsonNode.Parse(last);
        }
        catch (JsonException)
        {
            // Reported below.
        }

        _composeProject = (string?)outcome?["composeProjectName"];
        if (result.ExitCode != 0 || (string?)outcome?["outcome"] != "success" || outcome?["containerId"] is null)
        {
            throw new InvalidOperationException($"devcontainer up failed in {Folder}: {result}");
        }

        ContainerId = (string)outcome["containerId"]!;
    }

    private string Settings()
    {
        var remoteEnv = new JsonObject
        {
            ["FROM_CONTAINER_ENV"] = $"${{containerEnv:{ContainerVariable}}}, seen remotely",
            ["FROM_LOCAL_ENV"] = $"${{localEnv:{LocalVariable}}}",
        };
        var settings = new JsonObject();
        if (Kind == DevContainerKind.Image)
        {
            var runArgs = new JsonArray("--label", TestEngine.TestLabel, "--network", "none");
            foreach (var ulimit in TestRunOptions.Ulimits())
            {
                runArgs.Add("--ulimit");
                runArgs.Add(string.Create(CultureInfo.InvariantCulture, $"{ulimit.Name}={ulimit.Soft}:{ulimit.Hard}"));
            }

            remoteEnv["PATH"] = "${containerEnv:PATH}:/opt/remote/bin";
            settings["image"] = TestImages.DevContainer;
            settings["runArgs"] = runArgs;
            settings["containerEnv"] = new JsonObject { [ContainerVariable] = ContainerValue };
            settings["workspaceMount"] = $"source=${{localWorkspaceFolder}},target={WorkspaceFolder},type=bind";
        }
        else
        {
            settings["dockerComposeFile"] = "docker-compose.yml";
            settings["service"] = ComposeService;
        }

        settings["workspaceFolder"] = WorkspaceFolder;
        settings["updateRemoteUserUID"] = false;
        settings["remoteUser"] = RemoteUser;
        settings["remoteEnv"] = remoteEnv;
        return settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private string ComposeFile()
    {
        var text = new StringBuilder(
            $"""
            services:
              {ComposeService}:
                image: {TestImages.DevContainer}
                command: sleep infinity
                network_mode: none
                labels: [{TestEngine.TestLabel}]
                environment:
                  {ContainerVariable}: {ContainerValue}
                volumes:
                  - ..:{WorkspaceFolder}

            """);
        text.Append(TestRunOptions.ComposeUlimits());
        return text.ToString();
    }
}
