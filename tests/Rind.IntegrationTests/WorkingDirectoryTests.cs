using Rind.IntegrationTests.Infrastructure;

namespace Rind.IntegrationTests;

[Collection(EngineCollection.Name)]
public sealed class WorkingDirectoryTests : IAsyncLifetime
{
    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("rind-it-proj-");
    private LabelledContainer? _container;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_project.FullName, "app", "models"));
        _container = await LabelledContainer.StartAsync(TestImages.Busybox, binds: [$"{_project.FullName}:/code"], workingDirectory: "/srv");
    }

    public async Task DisposeAsync()
    {
        await _container!.DisposeAsync();
        _project.Delete(recursive: true);
    }

    [Theory]
    [InlineData("", "/code")]
    [InlineData("app/models", "/code/app/models")]
    public async Task The_command_runs_in_the_container_folder_that_matches_the_current_one(string folder, string expected)
    {
        var result = await RindBinary.RunAsync(["pwd"], workingDirectory: Path.Combine(_project.FullName, folder));

        Assert.Equal(expected + "\n", result.Stdout);
    }

    [Fact]
    public async Task Outside_every_mount_the_containers_own_folder_is_used()
    {
        var result = await RindBinary.RunAsync(["pwd"], workingDirectory: "/");

        Assert.Equal("/srv\n", result.Stdout);
    }

    [Fact]
    public async Task The_workdir_option_wins()
    {
        var result = await RindBinary.RunAsync(["-w", "/tmp", "pwd"], workingDirectory: Path.Combine(_project.FullName, "app"));

        Assert.Equal("/tmp\n", result.Stdout);
    }

    [Fact]
    public async Task No_cwd_turns_the_mapping_off()
    {
        var result = await RindBinary.RunAsync(["--no-cwd", "pwd"], workingDirectory: Path.Combine(_project.FullName, "app"));

        Assert.Equal("/srv\n", result.Stdout);
    }

    [Fact]
    public async Task The_mapping_holds_with_a_pre_step_too()
    {
        await _container!.DisposeAsync();
        _container = await LabelledContainer.StartAsync(
            TestImages.Dash, "source /venv/bin/activate", binds: [$"{_project.FullName}:/code"]);

        var result = await RindBinary.RunAsync(["pwd"], workingDirectory: Path.Combine(_project.FullName, "app", "models"));

        Assert.Equal("/code/app/models\n", result.Stdout);
    }

    [Fact]
    public async Task A_label_turns_the_mapping_off()
    {
        await _container!.DisposeAsync();
        _container = await LabelledContainer.StartAsync(
            TestImages.Busybox,
            labels: new Dictionary<string, string> { ["app.rind.cwd"] = "false" },
            binds: [$"{_project.FullName}:/code"],
            workingDirectory: "/srv");

        var result = await RindBinary.RunAsync(["pwd"], workingDirectory: Path.Combine(_project.FullName, "app"));

        Assert.Equal("/srv\n", result.Stdout);
    }
}
