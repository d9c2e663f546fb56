using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Rind.Docker;
using Rind.Docker.DevContainers;
using Rind.Docker.Models;
using Rind.Tests.Fakes;

namespace Rind.Tests.Docker.DevContainers;

/// <summary>How commands run in a dev container: its user, its environment, its workspace folder.</summary>
public sealed class DevContainerCandidateTests : IDisposable
{
    private const string Id = "d0c0ffee00000000000000000000000000000000000000000000000000000001";
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("rind-devcontainer-test-");
    private readonly Mock<IDockerEngine> _engine = new(MockBehavior.Strict);
    private readonly List<ExecCreateRequest> _probes = [];
    private string _startedAt = "2026-12-07T16:00:00Z";

    public DevContainerCandidateTests()
    {
        _engine.Setup(e => e.InspectContainer(Id)).Returns(() => new ContainerInspectResponse
        {
            Id = Id,
            State = new ContainerState { Running = true, StartedAt = _startedAt },
            Config = new ContainerConfig { Env = ["PATH=/usr/local/bin:/usr/bin:/bin", "GREETING=hello"] },
        });
        _engine.Setup(e => e.CreateExec(Id, It.IsAny<ExecCreateRequest>()))
            .Callback<string, ExecCreateRequest>((_, request) => _probes.Add(request))
            .Returns("probe1");
        _engine.Setup(e => e.StartExec("probe1", It.IsAny<ExecStartRequest>()))
            .Returns(() =>
            {
                var marker = _probes[^1].Cmd[^1];
                return new FakeExecConnection(Frames.Concat(
                    Frames.Stdout("Welcome!\n"),
                    Frames.Stdout($"{marker}HOME=/home/vscode\0PATH=/opt/tool/bin:/usr/bin\0SHLVL=1\0"),
                    Frames.Stdout(marker),
                    Frames.Stderr("bash: no job control\n"))).Stream;
            });
    }

    [Fact]
    public void Commands_run_as_remoteUser_with_remoteEnv_over_the_probed_environment_in_the_workspace()
    {
        var candidate = Candidate().For(Container("""[{"remoteUser": "vscode", "remoteEnv": {"PATH": "${containerEnv:PATH}:/opt/remote/bin", "G": "${containerEnv:GREETING}, ${localEnv:WHO}", "HOME": null}}]"""));

        Assert.Equal("vscode", candidate.Settings.User);
        Assert.Equal(["PATH=/usr/local/bin:/usr/bin:/bin:/opt/remote/bin", "G=hello, me"], candidate.Settings.Environment);
        Assert.Equal([new Rind.Backends.FolderMapping("/home/me/shop", "/workspaces/shop")], candidate.Settings.Folders);
        Assert.Null(candidate.Settings.PreStep);
    }

    [Fact]
    public void The_probe_runs_as_the_user_in_a_login_interactive_shell_and_keeps_what_it_printed_between_its_markers()
    {
        var candidate = Candidate().For(Container("""[{"remoteUser": "vscode"}]"""));

        var probe = Assert.Single(_probes);
        Assert.Equal("vscode", probe.User);
        Assert.Equal("-lic", probe.Cmd[^2]);
        Assert.False(probe.AttachStdin);
        Assert.Equal(["HOME=/home/vscode", "PATH=/opt/tool/bin:/usr/bin"], candidate.Settings.Environment);
    }

    [Fact]
    public void The_probed_environment_is_kept_until_the_container_starts_again()
    {
        var container = Container("""[{"remoteUser": "vscode"}]""");

        Candidate().For(container);
        var kept = Candidate().For(container);
        _startedAt = "2026-12-07T17:00:00Z";
        Candidate().For(container);

        Assert.Equal(2, _probes.Count);
        Assert.Equal(["HOME=/home/vscode", "PATH=/opt/tool/bin:/usr/bin"], kept.Settings.Environment);
    }

    [Fact]
    public void Without_leave_to_probe_what_an_earlier_probe_kept_is_used_and_no_shell_is_asked()
    {
        var container = Container("""[{"remoteUser": "vscode", "remoteEnv": {"A": "1"}}]""");

        var unprobed = Candidate(patience: null).For(container);
        Candidate().For(container);
        var kept = Candidate(patience: null).For(container);

        Assert.Equal(["A=1"], unprobed.Settings.Environment);
        Assert.Single(_probes);
        Assert.Equal(["HOME=/home/vscode", "PATH=/opt/tool/bin:/usr/bin", "A=1"], kept.Settings.Environment);
    }

    [Fact]
    public void A_probe_of_none_asks_no_shell()
    {
        var candidate = Candidate().For(Container("""[{"userEnvProbe": "none", "remoteEnv": {"A": "1"}}]"""));

        Assert.Empty(_probes);
        Assert.Equal(["A=1"], candidate.Settings.Environment);
    }

    [Fact]
    public void The_app_rind_labels_still_give_the_pre_step_and_win_over_remoteUser()
    {
        var container = Container("""[{"remoteUser": "vscode", "userEnvProbe": "none"}]""", ("app.rind", "source /venv/bin/activate"), ("app.rind.user", "root"));

        var candidate = Candidate().For(container);

        Assert.Equal("source /venv/bin/activate", candidate.Settings.PreStep);
        Assert.Equal("label", candidate.Settings.Source);
        Assert.Equal("root", candidate.Settings.User);
    }

    [Fact]
    public void Metadata_rind_cannot_read_leaves_the_images_user()
    {
        var candidate = Candidate().For(Container("""{"remoteUser": [1, 2]}"""));

        Assert.Null(candidate.Settings.User);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_shell_whose_profile_never_ends_is_left_behind_when_the_time_is_up()
    {
        _engine.Setup(e => e.StartExec("probe1", It.IsAny<ExecStartRequest>())).Returns(() => new FakeExecConnection(new SilentStream()).Stream);
        var candidate = new DevContainerCandidate(
            _engine.Object, new FakeEnvironment(), new ProbedEnvironmentCache(new FakeEnvironment(("HOME", _home.FullName))), sharesFileSystem: true, TimeSpan.FromMilliseconds(200), NullLogger.Instance);

        var found = await Task.Run(() => candidate.For(Container("""[{"remoteUser": "vscode", "remoteEnv": {"A": "1"}}]""")));

        Assert.Equal(["A=1"], found.Settings.Environment);
        Assert.Empty(Directory.GetFileSystemEntries(_home.FullName));
    }

    public void Dispose() => _home.Delete(recursive: true);

    /// <summary>Output that never comes, until the stream is closed.</summary>
    private sealed class SilentStream : MemoryStream
    {
        private readonly ManualResetEventSlim _closed = new();

        public override int Read(byte[] buffer, int offset, int count)
        {
            _closed.Wait();
            throw new ObjectDisposedException(nameof(SilentStream));
        }

        protected override void Dispose(bool disposing)
        {
            _closed.Set();
            base.Dispose(disposing);
        }
    }

    private DevContainerCandidate Candidate() => Candidate(TimeSpan.FromSeconds(5));

    private DevContainerCandidate Candidate(TimeSpan? patience) =>
        new(_engine.Object, new FakeEnvironment(("HOME", _home.FullName), ("WHO", "me")), new ProbedEnvironmentCache(new FakeEnvironment(("HOME", _home.FullName))), sharesFileSystem: true, patience, NullLogger.Instance);

    private static ContainerSummary Container(string metadata, params (string Key, string Value)[] more)
    {
        var labels = new Dictionary<string, string>
        {
            ["devcontainer.local_folder"] = "/home/me/shop",
            ["devcontainer.metadata"] = metadata,
        };
        foreach (var (key, value) in more)
        {
            labels[key] = value;
        }

        return new ContainerSummary
        {
            Id = Id,
            Names = ["/shop-dev"],
            State = "running",
            Labels = labels,
            Mounts = [new MountPoint { Type = "bind", Source = "/home/me/shop", Destination = "/workspaces/shop" }],
        };
    }
}
